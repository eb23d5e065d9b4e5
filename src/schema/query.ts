/** Query-string parameters shared by `/v1/search` and `/v1/records`, with the messages users see. */
import { z } from "zod";
import { House, IsoDate } from "./primitives";

/** A parameter that may be given several times (`?party=A&party=B`); one value arrives as a string. */
function repeatable(description: string, maxItems = 20) {
  return z
    .preprocess(
      (value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]),
      z
        .array(z.string().trim().min(1, "expected a non-empty value").max(200, "expected at most 200 characters"))
        .max(maxItems, `expected at most ${maxItems} values`)
        .optional(),
    )
    .meta({ description, param: { style: "form", explode: true } });
}

export function wholeNumber(min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === "") return fallback;
      const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(value >= min && value <= max)) {
        ctx.addIssue({
          code: "custom",
          message: `expected a whole number from ${min} to ${max}, found ${JSON.stringify(raw)}`,
        });
        return z.NEVER;
      }
      return value;
    })
    .meta({ description: `Whole number from ${min} to ${max}; default ${fallback}.` });
}

export const Sort = z.enum(["relevance", "newest", "oldest"], { error: "expected relevance, newest or oldest" });
export type Sort = z.infer<typeof Sort>;

/** Filters that narrow any listing. `from`/`to` filter on `dateAnswered`, `tabledFrom`/`tabledTo` on `dateTabled`, inclusive. */
export const FilterParams = z.object({
  house: House.optional().meta({ description: "Commons or Lords." }),
  party: repeatable("Asking member's party, exact name as listed by /v1/meta; repeatable (any of)."),
  member: repeatable("Asking member's name, exact as listed by /v1/meta; repeatable (any of)."),
  answered: z
    .enum(["true", "false"], { error: "expected true or false" })
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "true for answered questions, false for unanswered." }),
  from: IsoDate.optional().meta({ description: "Answered on or after this date." }),
  to: IsoDate.optional().meta({ description: "Answered on or before this date." }),
  body: repeatable("Answering body (department), exact name as listed by /v1/meta; repeatable (any of)."),
  heading: repeatable("Heading, exact as listed by /v1/meta; repeatable (any of)."),
  uin: repeatable(
    "The question's UIN (e.g. 146937, HL12826), any case; repeatable (any of). UINs repeat across sessions, so one may match several records.",
  ),
  tabledFrom: IsoDate.optional().meta({ description: "Tabled on or after this date." }),
  tabledTo: IsoDate.optional().meta({ description: "Tabled on or before this date." }),
});

export const SearchParams = FilterParams.extend({
  q: z
    .string()
    .default("")
    .meta({ description: "Words to find (all must match). Empty browses.", example: "genocide" }),
  sort: Sort.default("relevance").meta({ description: "relevance (default), newest or oldest by dateAnswered." }),
  limit: wholeNumber(1, 50, 10),
  offset: wholeNumber(0, 1_000_000, 0),
})
  .strict()
  .meta({ id: "SearchParams" });
export type SearchParams = z.output<typeof SearchParams>;

export const RecordsParams = FilterParams.extend({
  limit: wholeNumber(1, 100, 20),
  offset: wholeNumber(0, 1_000_000, 0),
})
  .strict()
  .meta({ id: "RecordsParams" });
export type RecordsParams = z.output<typeof RecordsParams>;

export type Filters = z.output<typeof FilterParams>;
