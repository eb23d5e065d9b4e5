/**
 * The fields full-text search looks in, and how much a match in each counts. Member names
 * weigh as much as the question: people search for who asked, and who answered, as often as for
 * what. The heading is often the only place a list response's subject survives (its texts are
 * cut at 255 characters); the answering body and the members' parties and seats are context,
 * weighed low so that they decide between records rather than bring boilerplate up. Chosen by
 * measurement on the pooled judged sets (docs/relevance.md).
 */
import type { QuestionRecord } from "../schema/record";

export interface SearchFieldDefinition {
  name: string;
  weight: number;
  /**
   * Whether the build indexes its neighbouring words' proximity keys (proximity.ts). Not for the
   * answer: its pairs were two thirds of the index's keys for a tenth of the measured gain.
   */
  proximity: boolean;
  text(record: QuestionRecord): string;
}

export const SEARCH_FIELDS: readonly SearchFieldDefinition[] = [
  { name: "questionText", proximity: true, weight: 3, text: (record) => record.questionText },
  { name: "askingMember", proximity: true, weight: 3, text: (record) => record.askingMember.name },
  { name: "heading", proximity: true, weight: 2, text: (record) => record.heading ?? "" },
  { name: "answeringBody", proximity: true, weight: 0.5, text: (record) => record.answeringBody ?? "" },
  { name: "answerText", proximity: false, weight: 1, text: (record) => record.answer?.text ?? "" },
  { name: "answeringMember", proximity: true, weight: 3, text: (record) => record.answer?.answeringMember?.name ?? "" },
  {
    name: "memberAffiliation",
    weight: 0.5,
    proximity: true,
    text: (record) => {
      const answering = record.answer?.answeringMember;
      return [record.askingMember.party, record.askingMember.memberFrom, answering?.party, answering?.memberFrom]
        .filter(Boolean)
        .join(" ");
    },
  },
];

/** The member fields a role phrase restricts its names to: "asked by …", "answered by …". */
export type MemberRole = "asking" | "answering";

/** Where each role's names are indexed, as positions in `SEARCH_FIELDS`. */
export const ROLE_FIELDS: Readonly<Record<MemberRole, readonly number[]>> = {
  asking: [SEARCH_FIELDS.findIndex((field) => field.name === "askingMember")],
  answering: [SEARCH_FIELDS.findIndex((field) => field.name === "answeringMember")],
};
