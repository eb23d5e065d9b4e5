/**
 * Stage 3b, normalise: one spelling of Unicode, line breaks and whitespace for every input
 * format, so the same question typed in a text seed or a JSON seed is recognised as the same
 * record. Every string of a record (ids, UINs, headings and URLs too) becomes NFC here, the
 * build's one edge where text enters, so what is indexed and served is NFC; CR LF and CR become
 * LF. Words, punctuation and curly quotes are kept exactly.
 */
import type { Member } from "../../src/schema/member";
import type { Answer, RecordInput } from "../../src/schema/record";
import type { ValidRecord } from "./validate";

/** NFC, with every line break LF. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n");
}

/** Every string in a value, normalised; the shape is kept. */
function normaliseStrings<T>(value: T): T {
  if (typeof value === "string") return normaliseText(value) as T;
  if (Array.isArray(value)) return value.map(normaliseStrings) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = normaliseStrings(item);
  return out as T;
}

function line(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, " ").trim();
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

export function normaliseRecord(raw: RecordInput): RecordInput {
  const input = normaliseStrings(raw);
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
