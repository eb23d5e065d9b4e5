/**
 * Query-string parameters shared by `/v1/search` and `/v1/records`, with the messages users see.
 * Every parameter is bounded (OWASP API4): a request can ask for only so much work.
 */
import { z } from "zod";
import { terms } from "../text/tokenize";
import { Cursor } from "./cursor";
import { House, IsoDate } from "./primitives";

/** The limits a request must stay within; each over-limit request is a 400 naming the limit. */
export const LIMITS = {
  /** Bytes of `q` in UTF-8. */
  queryBytes: 512,
  /** Words in `q`, counted as the search will split them. */
  queryTerms: 20,
  /** Values of one repeatable parameter (`party`, `member`). */
  repeatedValues: 20,
  /** Characters of one value of a repeatable parameter. */
  valueChars: 200,
  searchPageSize: 50,
  recordsPageSize: 100,
  /** How deep paging may reach: `offset + limit`. Deeper results are better reached by filters. */
  pageDepth: 1000,
  /** Values per facet a search may return (`facetLimit`); `/v1/meta` lists every value. */
  facetValues: 1000,
} as const;

/** Values per facet a search returns unless `facetLimit` says otherwise, as Algolia's `maxValuesPerFacet`. */
export const DEFAULT_FACET_LIMIT = 10;

const utf8 = new TextEncoder();

/** A parameter that may be given several times (`?party=A&party=B`); one value arrives as a string. */
function repeatable(description: string, maxItems: number = LIMITS.repeatedValues) {
  return z
    .preprocess(
      (value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]),
      z
        .array(
          z
            .string()
            .trim()
            .min(1, "expected a non-empty value")
            .max(LIMITS.valueChars, `expected at most ${LIMITS.valueChars} characters`),
        )
        .max(maxItems, `expected at most ${maxItems} values`)
        .optional(),
    )
    .meta({ description, param: { style: "form", explode: true } });
}

/**
 * A whole-number query parameter: plain digits (no sign, exponent or spaces) from `min` to `max`,
 * `fallback` when absent or empty. Read from the query string's text into a number before zod
 * checks it, so the OpenAPI document says what it is: an integer with bounds and a default.
 */
export function wholeNumber(min: number, max: number, fallback: number, description = "") {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z
    .preprocess(
      (raw) => (raw === "" ? undefined : typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : raw),
      z.int({ error: expected }).min(min, expected).max(max, expected).default(fallback),
    )
    .meta({ description: `${description}Whole number from ${min} to ${max}; default ${fallback}.` });
}

/** How many of the query's words a record must match (`/v1/search?match=`). */
export const MatchStrategy = z.enum(["any", "all"], { error: "expected any or all" });
export type MatchStrategy = z.infer<typeof MatchStrategy>;

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

/** `q`: bounded in bytes first, so counting its words never runs on a huge string. */
export const Query = z
  .string()
  .default("")
  .superRefine((q, ctx) => {
    const bytes = utf8.encode(q).length;
    if (bytes > LIMITS.queryBytes) {
      ctx.addIssue({
        code: "custom",
        message: `expected at most ${LIMITS.queryBytes} bytes (UTF-8), found ${bytes}`,
      });
      return;
    }
    const words = terms(q).length;
    if (words > LIMITS.queryTerms) {
      ctx.addIssue({ code: "custom", message: `expected at most ${LIMITS.queryTerms} words, found ${words}` });
    }
  })
  .meta({
    description: `Words to find (see \`match\`). Empty browses. At most ${LIMITS.queryBytes} bytes and ${LIMITS.queryTerms} words.`,
    example: "genocide",
  });

/** Paging deeper than `LIMITS.pageDepth` is refused: it costs as much as it is rarely useful. */
function withinPageDepth(page: { limit: number; offset: number }, ctx: z.RefinementCtx): void {
  if (page.offset + page.limit > LIMITS.pageDepth) {
    ctx.addIssue({
      code: "custom",
      path: ["offset"],
      message: `expected offset + limit to be at most ${LIMITS.pageDepth}, found ${page.offset} + ${page.limit}; narrow the search with filters instead of paging deeper`,
    });
  }
}

export const SearchParams = FilterParams.extend({
  q: Query,
  sort: Sort.default("relevance").meta({ description: "relevance (default), newest or oldest by dateAnswered." }),
  collapse: z.enum(["answer"], { error: "expected answer" }).optional().meta({
    description:
      "answer: one hit per answer group (records given the same answer), its best-ranked record standing for the group; `total` and paging count hits after collapsing, facet counts still cover every match.",
  }),
  match: MatchStrategy.default("any").meta({
    description:
      "any (default): records matching every word (and every quoted phrase word for word) come first; when fewer than 10 do, records matching some of the words follow, ranked by how many and how rare the words they hold are (each hit's `matchedAll` says which). all: only records matching every word and phrase.",
  }),
  limit: wholeNumber(1, LIMITS.searchPageSize, 10),
  offset: wholeNumber(0, LIMITS.pageDepth - 1, 0),
  facetLimit: wholeNumber(
    0,
    LIMITS.facetValues,
    DEFAULT_FACET_LIMIT,
    "Values per facet: those with the most matches, most first (0 counts no facets; /v1/meta lists every value). ",
  ),
})
  .strict()
  .superRefine(withinPageDepth)
  .meta({ id: "SearchParams" });
export type SearchParams = z.output<typeof SearchParams>;

/** A cursor already says where the page starts: an offset as well would be ambiguous. */
function cursorOrOffset(page: { cursor?: string; offset: number }, ctx: z.RefinementCtx): void {
  if (page.cursor !== undefined && page.offset > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["offset"],
      message: `expected no offset with a cursor (the cursor says where the page starts), found ${page.offset}`,
    });
  }
}

export const RecordsParams = FilterParams.extend({
  limit: wholeNumber(1, LIMITS.recordsPageSize, 20),
  offset: wholeNumber(0, LIMITS.pageDepth - 1, 0),
  cursor: Cursor.optional(),
})
  .strict()
  .superRefine(withinPageDepth)
  .superRefine(cursorOrOffset)
  .meta({ id: "RecordsParams" });
export type RecordsParams = z.output<typeof RecordsParams>;

export type Filters = z.output<typeof FilterParams>;
