/**
 * The fields full-text search looks in, and how much a match in each counts. Member names
 * weigh as much as the question: people search for who asked as often as for what.
 */
import type { QuestionRecord } from "../schema/record";

export interface SearchFieldDefinition {
  name: string;
  weight: number;
  text(record: QuestionRecord): string;
}

export const SEARCH_FIELDS: readonly SearchFieldDefinition[] = [
  { name: "questionText", weight: 3, text: (record) => record.questionText },
  {
    name: "askingMember",
    weight: 3,
    text: (record) => [record.askingMember.name, record.askingMember.party, record.askingMember.memberFrom].join(" "),
  },
  { name: "answerText", weight: 1, text: (record) => record.answer?.text ?? "" },
  {
    name: "answeringMember",
    weight: 1,
    text: (record) => {
      const member = record.answer?.answeringMember;
      return member ? [member.name, member.party, member.memberFrom].join(" ") : "";
    },
  },
];
