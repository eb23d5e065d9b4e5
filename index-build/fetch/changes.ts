/**
 * What a fetch changed in a source's seed file, in the words a campaigner uses: new questions,
 * newly answered ones, holding answers replaced by substantive ones, corrections, withdrawals,
 * other updates, and records removed because the definition no longer covers them.
 */

import { longDate } from "../../src/schema/long-date";
import type { RecordInput } from "../../src/schema/record";
import { canonicalRecord, sameRecord } from "./seed-file";

export const CHANGE_KINDS = [
  "new question",
  "newly answered",
  "holding answer replaced",
  "answer corrected",
  "withdrawn",
  "updated",
  "removed",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** `3 new questions`, `1 holding answer replaced`: a kind and its count as a campaigner reads them. */
const PLURALS = new Map<ChangeKind, string>([
  ["new question", "new questions"],
  ["holding answer replaced", "holding answers replaced"],
  ["answer corrected", "answers corrected"],
]);
const counted = (kind: ChangeKind, count: number) => `${count} ${count === 1 ? kind : (PLURALS.get(kind) ?? kind)}`;

export interface Change {
  kind: ChangeKind;
  apiId: number;
  /** The record after the fetch (before it, for a removal). */
  record: RecordInput;
  /** For updates: the fields that changed. */
  fields?: string[];
}

function changedFields(before: RecordInput, after: RecordInput): string[] {
  const a = canonicalRecord(before) as Record<string, unknown>;
  const b = canonicalRecord(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
}

function kindOf(before: RecordInput, after: RecordInput): ChangeKind {
  if (after.isWithdrawn && !before.isWithdrawn) return "withdrawn";
  if (after.answer && !before.answer) return "newly answered";
  if (after.answer && before.answer) {
    if (before.answerIsHolding && !after.answerIsHolding) return "holding answer replaced";
    const answerChanged = JSON.stringify(before.answer) !== JSON.stringify(after.answer);
    if (after.answerIsCorrection && (!before.answerIsCorrection || answerChanged)) return "answer corrected";
  }
  return "updated";
}

/** Every record that differs between the file before (`held`) and after (`next`), by API id. */
export function changesBetween(held: Map<number, RecordInput>, next: Map<number, RecordInput>): Change[] {
  const changes: Change[] = [];
  for (const [apiId, record] of next) {
    const before = held.get(apiId);
    if (!before) changes.push({ kind: "new question", apiId, record });
    else if (!sameRecord(before, record)) {
      const kind = kindOf(before, record);
      changes.push({ kind, apiId, record, ...(kind === "updated" && { fields: changedFields(before, record) }) });
    }
  }
  for (const [apiId, record] of held) if (!next.has(apiId)) changes.push({ kind: "removed", apiId, record });
  return changes.sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) || a.apiId - b.apiId);
}

function describe(change: Change): string {
  const { record } = change;
  const tabled = record.dateTabled ? `, tabled ${longDate(record.dateTabled)}` : "";
  const what = record.heading ?? record.questionText.slice(0, 60);
  const fields = change.fields?.length ? ` [${change.fields.join(", ")}]` : "";
  return `wq-${change.apiId} (${record.house} ${record.uin ?? ""}${tabled}) ${record.askingMember.name}: ${what}${fields}`;
}

/** The report: one count line per kind, then up to `perKind` records of each. */
export function formatChanges(changes: Change[], perKind = 20): string[] {
  if (changes.length === 0) return ["no changes"];
  const lines: string[] = [];
  for (const kind of CHANGE_KINDS) {
    const ofKind = changes.filter((change) => change.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(`${counted(kind, ofKind.length)}:`);
    for (const change of ofKind.slice(0, perKind)) lines.push(`  ${describe(change)}`);
    if (ofKind.length > perKind) lines.push(`  … and ${ofKind.length - perKind} more`);
  }
  return lines;
}

/** `12 new questions, 3 newly answered`: the counts in one line, for a commit message. */
export function summariseChanges(changes: Change[]): string {
  if (changes.length === 0) return "no changes";
  return CHANGE_KINDS.flatMap((kind) => {
    const count = changes.filter((change) => change.kind === kind).length;
    return count ? [counted(kind, count)] : [];
  }).join(", ");
}
