/**
 * The seed file a source fills: canonical records (src/schema/record.ts) with their `apiId`,
 * sorted by it, keys in one fixed order, two-space JSON and a final newline, so the same
 * collection is always the same bytes and `git diff` shows only what changed. Canonical records
 * rather than the API's own shape: answers are plain text (the API's HTML is one unreadable line),
 * the cut list texts have already been replaced by full ones, and the API's noise (links whose ids
 * change between responses, thumbnails, colours) stays out of the diff. The build reads the file
 * like any other canonical seed, and merges it with API files saved by hand by `apiId`.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { RecordInput } from "../../src/schema/record";
import { writeAtomically } from "../stages/write";
import { FetchError } from "./fetch-error";

type Member = RecordInput["askingMember"];

function member<T extends Member>(value: T): T {
  const { name, party, memberFrom, memberId, ...rest } = value;
  return { name, party, memberFrom, ...(memberId !== undefined && { memberId }), ...rest } as T;
}

/** The record with its keys in the order the file shows them, `apiId` first. */
export function canonicalRecord(input: RecordInput): RecordInput {
  const answer = input.answer;
  return {
    ...(input.apiId !== undefined && { apiId: input.apiId }),
    ...(input.id !== undefined && { id: input.id }),
    house: input.house,
    ...(input.uin !== undefined && { uin: input.uin }),
    dateTabled: input.dateTabled,
    ...(input.heading !== undefined && { heading: input.heading }),
    askingMember: member(input.askingMember),
    questionText: input.questionText,
    ...(input.answeringBody !== undefined && { answeringBody: input.answeringBody }),
    answer: answer && {
      dateAnswered: answer.dateAnswered,
      answeringMember: answer.answeringMember && member(answer.answeringMember),
      text: answer.text,
    },
    ...(input.isWithdrawn !== undefined && { isWithdrawn: input.isWithdrawn }),
    ...(input.answerIsHolding !== undefined && { answerIsHolding: input.answerIsHolding }),
    ...(input.answerIsCorrection !== undefined && { answerIsCorrection: input.answerIsCorrection }),
    ...(input.groupedQuestions !== undefined && { groupedQuestions: input.groupedQuestions }),
    ...(input.truncated !== undefined && { truncated: input.truncated }),
    ...(input.url !== undefined && { url: input.url }),
  };
}

/** The file's exact text for these records. */
export function formatSeed(records: Iterable<RecordInput>): string {
  const sorted = [...records].map(canonicalRecord).sort((a, b) => (a.apiId as number) - (b.apiId as number));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** Two records are the same when their files would say the same. */
export function sameRecord(a: RecordInput, b: RecordInput): boolean {
  return JSON.stringify(canonicalRecord(a)) === JSON.stringify(canonicalRecord(b));
}

/** The records a fetched seed file holds, by API id; empty when there is no file yet. */
export function readFetchedSeed(projectRoot: string, file: string): Map<number, RecordInput> {
  const path = join(projectRoot, file);
  const held = new Map<number, RecordInput>();
  if (!existsSync(path)) return held;
  const problem = (what: string) =>
    new FetchError(
      "files",
      `${file}: ${what}. The fetch writes this file whole; to start it afresh, delete it and run the fetch again`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw problem(`not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw problem("expected an array of records");
  parsed.forEach((value, index) => {
    const record = RecordInput.safeParse(value);
    if (!record.success || record.data.apiId === undefined)
      throw problem(
        `record [${index}] is not a record the fetch wrote (it has no valid apiId, or fails the record schema)`,
      );
    held.set(record.data.apiId, record.data);
  });
  return held;
}

/** Replaces the file atomically: a reader sees the old file or the new one, never part of one. */
export async function writeFetchedSeed(projectRoot: string, file: string, text: string): Promise<void> {
  const path = join(projectRoot, file);
  await writeAtomically(dirname(path), basename(path), text);
}
