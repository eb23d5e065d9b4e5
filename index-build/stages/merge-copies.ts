/**
 * Merges the copies of one API question (same `apiId`) read from several files into one record.
 * A fuller text replaces one the list endpoint cut short; a field one copy lacks is filled from
 * another; any other difference is a conflict: the first copy's value is kept and the conflict
 * is reported, never silently overwritten.
 */
import type { RecordInput, TruncatedField } from "../../src/schema/record";
import type { Location } from "../errors";

export interface CopyConflict {
  apiId: number;
  /** Dotted path of the field, e.g. `answer.dateAnswered`. */
  field: string;
  kept: { value: unknown; at: Location };
  other: { value: unknown; at: Location };
}

export interface MergedCopies {
  input: RecordInput;
  conflicts: CopyConflict[];
  /** Fields whose cut text a fuller copy replaced. */
  completed: TruncatedField[];
}

interface Copy {
  input: RecordInput;
  location: Location;
}

const ELLIPSIS = /\.\.\.$/;
const comparable = (text: string) => text.replace(ELLIPSIS, "").replace(/\s+/g, " ").trim();

/** Does the cut text read as the start of the full one? */
function isStartOf(cut: string, full: string): boolean {
  return comparable(full).startsWith(comparable(cut));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keeps `kept`, fills what it lacks from `other`, and records every real difference. */
function reconcile(kept: unknown, other: unknown, path: string[], report: (path: string[]) => void): unknown {
  if (sameValue(kept, other)) return kept;
  if (kept === null || kept === undefined) return other;
  if (other === null || other === undefined) return kept;
  if (isPlainObject(kept) && isPlainObject(other)) {
    const merged: Record<string, unknown> = { ...kept };
    for (const key of new Set([...Object.keys(kept), ...Object.keys(other)])) {
      merged[key] = reconcile(kept[key], other[key], [...path, key], report);
    }
    return merged;
  }
  report(path);
  return kept;
}

function valueAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (isPlainObject(value) ? value[key] : undefined), root);
}

function textOf(input: RecordInput, field: TruncatedField): string | undefined {
  return field === "questionText" ? input.questionText : input.answer?.text;
}

function withText(input: RecordInput, field: TruncatedField, text: string): RecordInput {
  if (field === "questionText") return { ...input, questionText: text };
  return input.answer ? { ...input, answer: { ...input.answer, text } } : input;
}

/** `copies` in source order, all with the same apiId. */
export function mergeCopies(copies: Copy[]): MergedCopies {
  const [first, ...others] = copies as [Copy, ...Copy[]];
  const apiId = first.input.apiId as number;
  const conflicts: CopyConflict[] = [];
  const completed: TruncatedField[] = [];
  let merged = first.input;
  const cut = new Set(first.input.truncated ?? []);
  const fieldOwner = new Map<string, Location>();
  for (const other of others) {
    const otherCut = new Set(other.input.truncated ?? []);
    // Texts first: a whole text beats a cut one when the cut one reads as its start.
    let candidate = other.input;
    for (const field of ["questionText", "answerText"] as const) {
      const mine = textOf(merged, field);
      const theirs = textOf(candidate, field);
      if (mine === undefined || theirs === undefined || mine === theirs) continue;
      if (cut.has(field) && !otherCut.has(field) && isStartOf(mine, theirs)) {
        merged = withText(merged, field, theirs);
        cut.delete(field);
        completed.push(field);
        fieldOwner.set(field === "answerText" ? "answer.text" : field, other.location);
      } else if (!cut.has(field) && otherCut.has(field) && isStartOf(theirs, mine)) {
        candidate = withText(candidate, field, mine);
      }
    }
    // A text this copy lacks and the other brings (an answer that came later) keeps its cut mark.
    for (const field of otherCut) if (textOf(merged, field) === undefined) cut.add(field);
    const { truncated: _mine, ...keptFields } = merged;
    const { truncated: _theirs, ...otherFields } = candidate;
    merged = reconcile(keptFields, otherFields, [], (path) => {
      const field = path.join(".");
      conflicts.push({
        apiId,
        field,
        kept: { value: valueAt(keptFields, path), at: fieldOwner.get(field) ?? first.location },
        other: { value: valueAt(otherFields, path), at: other.location },
      });
    }) as RecordInput;
  }
  const truncated = [...cut].sort();
  const { truncated: _dropped, ...rest } = merged;
  return { input: truncated.length > 0 ? { ...rest, truncated } : rest, conflicts, completed };
}
