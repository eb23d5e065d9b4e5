/**
 * Stage 3b, normalise: one spelling of whitespace and Unicode for every input format, so the same
 * question typed in a text seed or a JSON seed is recognised as the same record. Words,
 * punctuation and curly quotes are kept exactly.
 */
import type { Member } from "../../src/schema/member";
import type { Answer, RecordInput } from "../../src/schema/record";
import type { ValidRecord } from "./validate";

function line(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}

/** Paragraphs are separated by one blank line; lines within a paragraph are joined by a space. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => line(paragraph.replace(/\s*\n\s*/g, " ")))
    .filter(Boolean)
    .join("\n\n");
}

function member<M extends Member>(value: M): M {
  return {
    ...value,
    name: line(value.name),
    party: value.party && line(value.party),
    memberFrom: value.memberFrom && line(value.memberFrom),
  };
}

function answer(value: Answer | null): Answer | null {
  if (!value) return null;
  return {
    ...value,
    answeringMember: value.answeringMember && member(value.answeringMember),
    text: paragraphs(value.text),
  };
}

export function normaliseRecord(input: RecordInput): RecordInput {
  return {
    ...input,
    askingMember: member(input.askingMember),
    questionText: line(input.questionText),
    answer: answer(input.answer),
  };
}

export function normaliseRecords(valid: ValidRecord[]): ValidRecord[] {
  return valid.map(({ input, location }) => ({ input: normaliseRecord(input), location }));
}
