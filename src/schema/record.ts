/**
 * The record: one written question and its answer. Field names follow the UK Parliament
 * written-questions API so partners recognise them. `RecordInput` is what a JSON seed holds;
 * `QuestionRecord` is what the build emits and the API serves.
 */
import * as z from "zod/mini";
import { AnswerGroupRef } from "./answer-group";
import { AnsweringMember, Member } from "./member";
import { House, IsoDate, RecordId, Text } from "./primitives";

const described = (description: string) => z.meta({ description });

export const Answer = z
  .object({
    answeringMember: z.nullable(AnsweringMember).check(described("Null where the source names no one.")),
    dateAnswered: IsoDate,
    text: Text.check(
      described(
        "The answer's paragraphs, separated by a blank line, as in the source; HTML sources become plain text.",
      ),
    ),
  })
  .register(z.globalRegistry, { id: "Answer" });
export type Answer = z.infer<typeof Answer>;

export const Source = z
  .object({
    file: z.string().check(z.meta({ example: "seeds/000_43bc1e8ddf995492.txt" })),
    line: z.number().check(z.int(), z.positive()),
  })
  .register(z.globalRegistry, {
    id: "Source",
    description: "Where the build read this record: file and 1-based line.",
  });
export type Source = z.infer<typeof Source>;

/** The text fields a source may cut short. */
export const TruncatedField = z
  .enum(["questionText", "answerText"])
  .register(z.globalRegistry, { id: "TruncatedField" });
export type TruncatedField = z.infer<typeof TruncatedField>;

const optionalFields = {
  uin: z.optional(Text).check(described("The question's Parliamentary UIN, where known.")),
  answeringBody: z.optional(Text).check(described("The department that answered, where known.")),
  heading: z.optional(Text).check(described("The question's heading, where known.")),
  // Only web links: a javascript: or data: URL in a seed must never become a link on a page.
  url: z
    .optional(z.url({ protocol: /^https?$/, error: "expected an http or https URL" }))
    .check(described("A link to the question at its original source (http or https).")),
  apiId: z.optional(z.number().check(z.int(), z.positive())).check(
    z.meta({
      description:
        "The question's id in the UK Parliament written-questions API. Records with the same apiId are one question.",
      example: 1282662,
    }),
  ),
  truncated: z
    .optional(z.array(TruncatedField).check(z.minLength(1)))
    .check(described("Fields the source cut short (the API's list endpoint does), when no fuller copy was found.")),
  isWithdrawn: z.optional(z.boolean()).check(described("The member withdrew the question.")),
  answerIsHolding: z
    .optional(z.boolean())
    .check(described("The answer only says a full answer will follow (a holding answer).")),
  answerIsCorrection: z.optional(z.boolean()).check(described("The answer corrects an earlier one.")),
  groupedQuestions: z
    .optional(z.array(Text))
    .check(described("UINs of the questions answered together with this one.")),
};

// A seed is typed by hand, so every object in it is strict: a misspelt key (`memberid`) or one
// JavaScript treats specially (`__proto__`) fails the build instead of being dropped unseen.
const MemberInput = z.strictObject(Member.shape);
const AnswerInput = z.strictObject({
  ...Answer.shape,
  answeringMember: z.nullable(z.strictObject(AnsweringMember.shape)),
});

/** A record as written in a `*.json` / `*.jsonl` seed file. `id` is optional: the build derives one. */
export const RecordInput = z
  .strictObject({
    id: z.optional(RecordId),
    house: House,
    askingMember: MemberInput,
    questionText: Text,
    dateTabled: z._default(z.nullable(IsoDate), null),
    answer: z.nullable(AnswerInput),
    ...optionalFields,
  })
  .register(z.globalRegistry, { id: "RecordInput" });
export type RecordInput = z.output<typeof RecordInput>;

export const QuestionRecord = z
  .object({
    id: RecordId,
    house: House,
    askingMember: Member,
    questionText: Text,
    dateTabled: z.nullable(IsoDate),
    answered: z.boolean(),
    answer: z.nullable(Answer),
    ...optionalFields,
    answerGroup: z.optional(AnswerGroupRef),
    sources: z.array(Source).check(z.minLength(1)),
  })
  .register(z.globalRegistry, { id: "Record" });
export type QuestionRecord = z.infer<typeof QuestionRecord>;
