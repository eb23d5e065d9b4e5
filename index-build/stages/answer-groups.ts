/**
 * Stage, answer groups: which records were given the same answer, word for word or nearly, so a
 * reader can show that one answer went to many questions. Pure: records in source order in,
 * groups of document numbers out. The rules and the threshold are justified against the seed and
 * the real corpora in docs/research-features.md.
 *
 * - Identical: the same words after case, punctuation and spacing are set aside.
 * - Near-identical: word-trigram Jaccard similarity of at least `NEAR_IDENTICAL`, found with
 *   MinHash and confirmed exactly, and the same figures (a different date, sum or question number
 *   makes a different answer, however alike the rest). Groups are closed under the relation: if A
 *   is nearly B and B nearly C, all three are one group.
 * - A holding answer ("I will reply as soon as possible") is only ever grouped with holding
 *   answers: it says nothing of substance, so it is not the same answer as any substantive one.
 * - An answer the source cut short (`truncated`) is never grouped: its missing part may differ.
 */
import { createHash } from "node:crypto";
import type { CompiledAnswerGroup } from "../../src/engine/compiled";
import type { QuestionRecord } from "../../src/schema/record";
import { candidatePairs, jaccard, shinglesOf, signatureOf } from "../minhash";

/** The least word-trigram Jaccard similarity at which two answers count as the same answer. */
export const NEAR_IDENTICAL = 0.8;

/** Fewer shingles than this and one changed word moves the similarity too far to judge by it. */
const MIN_SHINGLES = 8;

/**
 * Holding answers where the source does not flag them (`answerIsHolding`): a short answer that
 * only promises one. Anchored phrases, so a substantive answer that mentions a reply is not caught.
 */
const HOLDING =
  /\b(?:(?:will|shall) (?:reply|respond|write)\b.{0,80}?\bas soon as (?:possible|practicable)|not be possible to answer this question within the usual time)/i;
const HOLDING_MAX_WORDS = 60;

/** The answer's words, lower-cased, without punctuation: what "word for word the same" compares. */
export function answerWords(text: string): string[] {
  const plain = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return plain === "" ? [] : plain.split(" ");
}

export function isHoldingAnswer(record: QuestionRecord): boolean {
  if (record.answerIsHolding) return true;
  const text = record.answer?.text;
  return text !== undefined && HOLDING.test(text) && answerWords(text).length <= HOLDING_MAX_WORDS;
}

/** The distinct numbers in the answer, sorted: near-identical answers must share them all. */
function figuresOf(words: readonly string[]): string {
  return [...new Set(words.filter((word) => /\d/.test(word)))].sort().join(" ");
}

/** One distinct answer text (after normalising) and the records that carry it. */
interface DistinctAnswer {
  holding: boolean;
  words: string[];
  docs: number[];
}

/** Union-find over distinct answers. */
function rootOf(parent: number[], at: number): number {
  let root = at;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[at] !== root) {
    const next = parent[at] as number;
    parent[at] = root;
    at = next;
  }
  return root;
}

function distinctAnswers(records: readonly QuestionRecord[]): DistinctAnswer[] {
  const byText = new Map<string, DistinctAnswer>();
  records.forEach((record, doc) => {
    if (!record.answer || record.truncated?.includes("answerText")) return;
    const words = answerWords(record.answer.text);
    if (words.length === 0) return;
    const holding = isHoldingAnswer(record);
    const key = `${holding ? "h" : "s"}:${words.join(" ")}`;
    const known = byText.get(key);
    if (known) known.docs.push(doc);
    else byText.set(key, { holding, words, docs: [doc] });
  });
  return [...byText.values()];
}

/** Joins near-identical distinct answers (same kind, same figures, Jaccard ≥ `NEAR_IDENTICAL`). */
function joinNearIdentical(answers: readonly DistinctAnswer[], parent: number[]): number {
  const usable: Array<{ at: number; shingles: Set<number>; figures: string }> = [];
  answers.forEach((answer, at) => {
    const shingles = shinglesOf(answer.words);
    if (shingles.size >= MIN_SHINGLES) usable.push({ at, shingles, figures: figuresOf(answer.words) });
  });
  let joined = 0;
  for (const [i, j] of candidatePairs(usable.map(({ shingles }) => signatureOf(shingles)))) {
    const [first, second] = [usable[i], usable[j]] as [(typeof usable)[0], (typeof usable)[0]];
    const [a, b] = [first.at, second.at];
    if ((answers[a] as DistinctAnswer).holding !== (answers[b] as DistinctAnswer).holding) continue;
    if (first.figures !== second.figures || rootOf(parent, a) === rootOf(parent, b)) continue;
    if (jaccard(first.shingles, second.shingles) < NEAR_IDENTICAL) continue;
    parent[rootOf(parent, b)] = rootOf(parent, a);
    joined++;
  }
  return joined;
}

/** A group's id: a hash of its members' record ids, so it is the same in every build with the same members. */
function groupId(records: readonly QuestionRecord[], docs: readonly number[]): string {
  const ids = docs.map((doc) => (records[doc] as QuestionRecord).id).sort();
  return createHash("sha256").update(ids.join("\n")).digest("hex").slice(0, 12);
}

export interface AnswerGroups {
  /** Largest first, then by first member in source order; each group's docs in source order. */
  groups: CompiledAnswerGroup[];
  /** Pairs of distinct texts joined as near-identical (for the build log). */
  nearIdenticalJoins: number;
}

/** Groups the records (in source order: positions are document numbers) by the answer they were given. */
export function groupAnswers(records: readonly QuestionRecord[]): AnswerGroups {
  const answers = distinctAnswers(records);
  const parent = answers.map((_, at) => at);
  const nearIdenticalJoins = joinNearIdentical(answers, parent);
  const members = new Map<number, { holding: boolean; docs: number[] }>();
  answers.forEach((answer, at) => {
    const root = rootOf(parent, at);
    const group = members.get(root) ?? { holding: answer.holding, docs: [] };
    group.docs.push(...answer.docs);
    members.set(root, group);
  });
  const groups = [...members.values()]
    .filter((group) => group.docs.length > 1)
    .map(({ holding, docs }) => {
      const sorted = docs.sort((a, b) => a - b);
      return { id: groupId(records, sorted), docs: sorted, ...(holding && { holding: true as const }) };
    })
    .sort((a, b) => b.docs.length - a.docs.length || (a.docs[0] as number) - (b.docs[0] as number));
  return { groups, nearIdenticalJoins };
}

/** The records with each grouped one carrying its group's id and size (the others unchanged). */
export function withAnswerGroups(records: readonly QuestionRecord[], groups: readonly CompiledAnswerGroup[]) {
  const annotated = [...records];
  for (const { id, docs } of groups)
    for (const doc of docs)
      annotated[doc] = { ...(records[doc] as QuestionRecord), answerGroup: { id, size: docs.length } };
  return annotated;
}
