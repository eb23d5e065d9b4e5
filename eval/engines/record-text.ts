/**
 * What the peers index of a record: the text pqsearch searches (question, answer, and each member's
 * name, party and seat), plus the heading and the answering body, which pqsearch does not search
 * today but a person would expect to be found by. Defined here, not taken from the engine, so the
 * peers stay put while the engine changes.
 */
import type { QuestionRecord } from "../../src/schema/record";

export const PEER_FIELDS = [
  "questionText",
  "heading",
  "askingMember",
  "answeringMember",
  "answeringBody",
  "answerText",
] as const;
export type PeerField = (typeof PEER_FIELDS)[number];

export function fieldText(record: QuestionRecord, field: PeerField): string {
  switch (field) {
    case "questionText":
      return record.questionText;
    case "heading":
      return record.heading ?? "";
    case "askingMember": {
      const { name, party, memberFrom } = record.askingMember;
      return [name, party, memberFrom].filter(Boolean).join(" ");
    }
    case "answeringMember": {
      const member = record.answer?.answeringMember;
      return member ? [member.name, member.party, member.memberFrom].filter(Boolean).join(" ") : "";
    }
    case "answeringBody":
      return record.answeringBody ?? "";
    case "answerText":
      return record.answer?.text ?? "";
  }
}

/** Field weights the peers share where they support them: question, heading and members first. */
export const PEER_BOOSTS: Readonly<Record<PeerField, number>> = {
  questionText: 3,
  heading: 3,
  askingMember: 3,
  answeringMember: 2,
  answeringBody: 1,
  answerText: 1,
};

/** A quoted query's words (quotes dropped) and whether it was quoted: no peer has phrase search. */
export function unquote(q: string): { text: string; quoted: boolean } {
  const quoted = /["“”]/.test(q);
  return { text: q.replace(/["“”]/g, " ").trim(), quoted };
}
