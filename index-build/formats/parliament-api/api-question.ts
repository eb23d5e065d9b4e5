/**
 * The UK Parliament written-questions API's question object (`value` in its responses), as far as
 * the import reads it. Only the import uses this schema: it checks the input's shape so a bad
 * file fails naming the JSON path; the record the build emits is `src/schema/record.ts`. Fields
 * the import does not use (colours, thumbnails, attachments) are allowed and ignored.
 */
import { z } from "zod";
import { IsoDate } from "../../../src/schema/primitives";

/** `2021-02-01T00:00:00` (the API's form) or `2021-02-01` → `2021-02-01`, real dates only. */
export const ApiDate = z
  .string({ error: "expected a date as YYYY-MM-DDThh:mm:ss" })
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/,
    "expected a date as YYYY-MM-DDThh:mm:ss",
  )
  .transform((value) => value.slice(0, 10))
  .pipe(IsoDate);

const memberId = z.number({ error: "expected a member id (a whole number)" }).int().positive();
const optionalText = z.string({ error: "expected text or null" }).nullable();

export const ApiMember = z.object({
  id: memberId,
  name: z.string({ error: "expected the member's name" }).trim().min(1, "expected the member's name"),
  party: optionalText.optional(),
  memberFrom: optionalText.optional(),
});
export type ApiMember = z.infer<typeof ApiMember>;

const flag = z.boolean({ error: "expected true or false" }).nullable().optional();

export const ApiQuestion = z
  .object({
    id: z.number({ error: "expected the question's id (a whole number)" }).int().positive(),
    house: z.enum(["Commons", "Lords"], { error: "expected Commons or Lords" }),
    uin: z.string({ error: "expected the UIN as text" }).trim().min(1, "expected a non-empty UIN"),
    askingMemberId: memberId,
    askingMember: ApiMember.nullable().optional(),
    // Not trimmed here: the list endpoint's cut is recognised by the untouched length.
    questionText: z
      .string({ error: "expected the question's text" })
      .refine((text) => text.trim() !== "", "expected non-empty text"),
    dateTabled: ApiDate,
    answeringBodyName: z
      .string({ error: "expected the answering body's name" })
      .trim()
      .min(1, "expected a non-empty name"),
    heading: optionalText.optional(),
    dateAnswered: ApiDate.nullable(),
    answerText: optionalText,
    answeringMemberId: memberId.nullable().optional(),
    answeringMember: ApiMember.nullable().optional(),
    isWithdrawn: flag,
    answerIsHolding: flag,
    answerIsCorrection: flag,
    groupedQuestions: z.array(z.string({ error: "expected a UIN as text" })).optional(),
  })
  .superRefine((question, ctx) => {
    const hasText = question.answerText !== null && question.answerText.trim() !== "";
    if (question.dateAnswered !== null && !hasText) {
      ctx.addIssue({
        code: "custom",
        path: ["answerText"],
        message: "expected the answer's text, since dateAnswered is set",
      });
    }
    if (question.dateAnswered === null && hasText) {
      ctx.addIssue({
        code: "custom",
        path: ["dateAnswered"],
        message: "expected the date answered, since answerText is set",
      });
    }
  });
export type ApiQuestion = z.infer<typeof ApiQuestion>;
