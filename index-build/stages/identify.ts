/**
 * Stage 4, identify: give each record its id and merge exact duplicates. An id hashes what makes
 * a question itself (house, asker, wording, date tabled, UIN), never its file or position, so
 * rebuilding or adding seed files leaves existing ids alone. A record carrying the API's question
 * id (`apiId`) is identified by it alone: its id is `wq-<apiId>`, and every copy of it merges into
 * one (see merge-copies.ts). A UIN alone is never an identity: UINs repeat across sessions.
 */
import { createHash } from "node:crypto";
import type { QuestionRecord, RecordInput } from "../../src/schema/record";
import { BuildError, type Location } from "../errors";
import { type CopyConflict, mergeCopies } from "./merge-copies";
import type { ValidRecord } from "./validate";

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** The first 60 bits of SHA-256 as 12 lower-case base32 characters: URL-safe, short, stable. */
export function hashId(parts: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest();
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(digest[i] as number);
  let id = "";
  for (let i = 0; i < 12; i++) id += BASE32[Number((bits >> BigInt(59 - i * 5)) & 31n)];
  return id;
}

function identityOf(input: RecordInput): unknown[] {
  return [input.house, input.askingMember.name, input.questionText, input.dateTabled, input.uin ?? null];
}

/** Everything but the id and sources: two records with equal content are one record. */
function contentOf(input: RecordInput): string {
  const { id: _ignored, ...content } = input;
  return JSON.stringify(content, Object.keys(content).sort());
}

export interface Merge {
  id: string;
  kept: Location;
  merged: Location[];
}

export interface IdentifyResult {
  records: QuestionRecord[];
  merges: Merge[];
  warnings: string[];
  /** Fields on which copies of one API question disagree; the first copy's value was kept. */
  conflicts: CopyConflict[];
  /** How many cut texts a fuller copy replaced. */
  completedTexts: number;
}

/** The record id of an API question: readable, stable, and the same in every build. */
export function apiRecordId(apiId: number): string {
  return `wq-${apiId}`;
}

/** Fields in the documented order, so the API's JSON reads the way the README shows it. */
function toRecord(id: string, input: RecordInput, sources: Location[]): QuestionRecord {
  return {
    id,
    house: input.house,
    askingMember: input.askingMember,
    questionText: input.questionText,
    dateTabled: input.dateTabled,
    answered: input.answer !== null,
    answer: input.answer,
    ...(input.uin !== undefined && { uin: input.uin }),
    ...(input.answeringBody !== undefined && { answeringBody: input.answeringBody }),
    ...(input.heading !== undefined && { heading: input.heading }),
    ...(input.url !== undefined && { url: input.url }),
    ...(input.apiId !== undefined && { apiId: input.apiId }),
    ...(input.truncated !== undefined && { truncated: input.truncated }),
    ...(input.isWithdrawn !== undefined && { isWithdrawn: input.isWithdrawn }),
    ...(input.answerIsHolding !== undefined && { answerIsHolding: input.answerIsHolding }),
    ...(input.answerIsCorrection !== undefined && { answerIsCorrection: input.answerIsCorrection }),
    ...(input.groupedQuestions !== undefined && { groupedQuestions: input.groupedQuestions }),
    sources: sources.map(({ file, line }) => ({ file, line })),
  };
}

const where = (location: Location) => `${location.file}:${location.line}`;

export function identifyRecords(valid: ValidRecord[]): IdentifyResult {
  const byApiId = new Map<number, ValidRecord[]>();
  for (const record of valid) {
    const { apiId } = record.input;
    if (apiId === undefined) continue;
    const copies = byApiId.get(apiId);
    if (copies) copies.push(record);
    else byApiId.set(apiId, [record]);
  }
  const conflicts: CopyConflict[] = [];
  let completedTexts = 0;
  const apiGroups: Array<{ input: RecordInput; locations: Location[] }> = [];
  for (const copies of byApiId.values()) {
    const merged = mergeCopies(copies);
    conflicts.push(...merged.conflicts);
    completedTexts += merged.completed.length;
    apiGroups.push({ input: merged.input, locations: copies.map((copy) => copy.location) });
  }

  // Group exact duplicates first: same content is the same record, wherever it was read.
  const byContent = new Map<string, { input: RecordInput; locations: Location[] }>();
  for (const { input, location } of valid) {
    if (input.apiId !== undefined) continue;
    const key = `${input.id ?? ""}\u0000${JSON.stringify(identityOf(input))}\u0000${contentOf(input)}`;
    const group = byContent.get(key);
    if (group) group.locations.push(location);
    else byContent.set(key, { input, locations: [location] });
  }

  // Distinct records that share an identity (say, the same question re-tabled with a different
  // answer) cannot share an id: those fall back to a hash of their whole content.
  const identityCounts = new Map<string, number>();
  for (const { input } of byContent.values()) {
    const key = input.id ?? hashId(identityOf(input));
    identityCounts.set(key, (identityCounts.get(key) ?? 0) + 1);
  }

  const warnings: string[] = [];
  const merges: Merge[] = [];
  const seen = new Map<string, Location>();
  const records: QuestionRecord[] = [];
  for (const { input, locations } of [...apiGroups, ...byContent.values()]) {
    const first = locations[0] as Location;
    let id = input.id ?? (input.apiId !== undefined ? apiRecordId(input.apiId) : hashId(identityOf(input)));
    if (input.apiId === undefined && (identityCounts.get(id) ?? 0) > 1) {
      if (input.id)
        throw new BuildError(
          first,
          `expected id ${JSON.stringify(input.id)} to name one record, found it on records with different content`,
        );
      warnings.push(
        `${where(first)}: another record has the same house, member and question but different content; its id is derived from all its content`,
      );
      id = hashId([identityOf(input), contentOf(input)]);
    }
    const clash = seen.get(id);
    if (clash)
      throw new BuildError(first, `expected a unique id, found ${id} already used by the record at ${where(clash)}`);
    seen.set(id, first);
    if (locations.length > 1) merges.push({ id, kept: first, merged: locations.slice(1) });
    records.push(toRecord(id, input, locations));
  }
  return { records, merges, warnings, conflicts, completedTexts };
}
