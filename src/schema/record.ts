/**
 * The record: one written question and its answer. Field names follow the UK Parliament
 * written-questions API so partners recognise them. `RecordInput` is what a JSON seed holds;
 * `QuestionRecord` is what the build emits and the API serves.
 */
import { z } from "zod";
import { AnswerGroupRef } from "./answer-group";
import { AnsweringMember, Member } from "./member";
import { House, IsoDate, RecordId, Text } from "./primitives";

export const Answer = z
  .object({
    answeringMember: AnsweringMember.nullable().meta({ description: "Null where the source names no one." }),
    dateAnswered: IsoDate,
    text: Text.meta({
      description:
        "The answer's paragraphs, separated by a blank line, as in the source; HTML sources become plain text.",
    }),
  })
  .meta({ id: "Answer" });
export type Answer = z.infer<typeof Answer>;

export const Source = z
  .object({
    file: z.string().meta({ example: "seeds/000_43bc1e8ddf995492.txt" }),
    line: z.number().int().positive(),
  })
  .meta({ id: "Source", description: "Where the build read this record: file and 1-based line." });
export type Source = z.infer<typeof Source>;

/** The text fields a source may cut short. */
export const TruncatedField = z.enum(["questionText", "answerText"]).meta({ id: "TruncatedField" });
export type TruncatedField = z.infer<typeof TruncatedField>;

const optionalFields = {
  uin: Text.optional().meta({ description: "The question's Parliamentary UIN, where known." }),
  answeringBody: Text.optional().meta({ description: "The department that answered, where known." }),
  heading: Text.optional().meta({ description: "The question's heading, where known." }),
  // Only web links: a javascript: or data: URL in a seed must never become a link on a page.
  url: z
    .url({ protocol: /^https?$/, error: "expected an http or https URL" })
    .optional()
    .meta({ description: "A link to the question at its original source (http or https)." }),
  apiId: z.number().int().positive().optional().meta({
    description:
      "The question's id in the UK Parliament written-questions API. Records with the same apiId are one question.",
    example: 1282662,
  }),
  truncated: z.array(TruncatedField).min(1).optional().meta({
    description: "Fields the source cut short (the API's list endpoint does), when no fuller copy was found.",
  }),
  isWithdrawn: z.boolean().optional().meta({ description: "The member withdrew the question." }),
  answerIsHolding: z
    .boolean()
    .optional()
    .meta({ description: "The answer only says a full answer will follow (a holding answer)." }),
  answerIsCorrection: z.boolean().optional().meta({ description: "The answer corrects an earlier one." }),
  groupedQuestions: z
    .array(Text)
    .optional()
    .meta({ description: "UINs of the questions answered together with this one." }),
};

// A seed is typed by hand, so every object in it is strict: a misspelt key (`memberid`) or one
// JavaScript treats specially (`__proto__`) fails the build instead of being dropped unseen.
const MemberInput = z.strictObject(Member.shape);
const AnswerInput = z.strictObject({
  ...Answer.shape,
  answeringMember: z.strictObject(AnsweringMember.shape).nullable(),
});

/** A record as written in a `*.json` / `*.jsonl` seed file. `id` is optional: the build derives one. */
export const RecordInput = z
  .strictObject({
    id: RecordId.optional(),
    house: House,
    askingMember: MemberInput,
    questionText: Text,
    dateTabled: IsoDate.nullable().default(null),
    answer: AnswerInput.nullable(),
    ...optionalFields,
  })
  .meta({ id: "RecordInput" });
export type RecordInput = z.output<typeof RecordInput>;

export const QuestionRecord = z
  .object({
    id: RecordId,
    house: House,
    askingMember: Member,
    questionText: Text,
    dateTabled: IsoDate.nullable(),
    answered: z.boolean(),
    answer: Answer.nullable(),
    ...optionalFields,
    answerGroup: AnswerGroupRef.optional(),
    sources: z.array(Source).min(1),
  })
  .meta({ id: "Record" });
export type QuestionRecord = z.infer<typeof QuestionRecord>;
