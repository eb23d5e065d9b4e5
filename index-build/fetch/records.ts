/**
 * From the API's questions to the collection's records, with the import's own mapping
 * (formats/parliament-api/map.ts: members, dates, flags, HTML cleaned, cut texts marked). A list
 * copy whose texts are cut needs the single-question endpoint, unless the record already held
 * agrees with it: then the full texts fetched earlier are kept, and a second run asks only for
 * what changed.
 */

import { RecordInput, type TruncatedField } from "../../src/schema/record";
import { ApiQuestion } from "../formats/parliament-api/api-question";
import { recordFromApi } from "../formats/parliament-api/map";
import type { RawQuestion } from "./api-responses";
import { FetchError } from "./fetch-error";
import { sameRecord } from "./seed-file";

/** The canonical record of an API question; `fromList` marks the texts the list endpoint cut. */
export function recordOf(question: RawQuestion, fromList: boolean): RecordInput {
  const mapped = recordFromApi(ApiQuestion.parse(question.value), fromList);
  const record = RecordInput.safeParse(mapped);
  if (!record.success) {
    const issue = record.error.issues[0];
    throw new FetchError(
      "unexpected",
      `question ${question.id}: the API's question maps to an invalid record (${issue?.path.join(".")}: ${issue?.message})`,
    );
  }
  return record.data;
}

// Letters and digits only: the list endpoint strips HTML its own way (paragraph breaks, bullets).
const comparable = (text: string) =>
  text
    .replace(/\.\.\.$/, "")
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, "");

function textOf(record: RecordInput, field: TruncatedField): string | undefined {
  return field === "questionText" ? record.questionText : record.answer?.text;
}

/**
 * Does the held record say what the cut list copy says, with whole texts? Then it is the same
 * question, unchanged, and its full texts need not be fetched again.
 */
export function heldAgrees(listCopy: RecordInput, held: RecordInput): boolean {
  const cut = listCopy.truncated ?? [];
  if ((held.truncated ?? []).length > 0) return false;
  let completed = listCopy;
  for (const field of cut) {
    const full = textOf(held, field);
    const start = textOf(listCopy, field);
    if (full === undefined || start === undefined || !comparable(full).startsWith(comparable(start))) return false;
    completed =
      field === "questionText"
        ? { ...completed, questionText: full }
        : { ...completed, answer: completed.answer && { ...completed.answer, text: full } };
  }
  const { truncated: _cut, ...whole } = completed;
  return sameRecord(whole, held);
}

/**
 * What to do with a list copy: keep it (nothing cut), keep the held record (it agrees, or it is
 * the same cut copy as last time and `retryCut` is off), or ask the single-question endpoint.
 */
export function resolveListCopy(
  listCopy: RecordInput,
  held: RecordInput | undefined,
  retryCut: boolean,
): { keep: RecordInput } | { fetchFullText: true } {
  if (!listCopy.truncated) return { keep: listCopy };
  if (held && heldAgrees(listCopy, held)) return { keep: held };
  // The endpoint had no full copy last time (a 404) and nothing has changed since.
  if (held && !retryCut && sameRecord(listCopy, held)) return { keep: held };
  return { fetchFullText: true };
}
