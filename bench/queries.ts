/**
 * The benchmark's queries, by kind, drawn deterministically from the corpus itself so that every
 * size gets words that really occur there: common and rare words, two and three words that occur
 * together, prefixes (as typed), one-edit typos, quoted phrases, filtered and facet-heavy queries.
 */
import type { RecordInput } from "../src/schema/record";

export type QueryKind = "common" | "rare" | "two" | "three" | "prefix" | "typo" | "phrase" | "filtered" | "facets";
export const QUERY_KINDS: QueryKind[] = [
  "common",
  "rare",
  "two",
  "three",
  "prefix",
  "typo",
  "phrase",
  "filtered",
  "facets",
];

export interface BenchQuery {
  kind: QueryKind;
  q: string;
  /** The words the query should find, for engines without phrase or typo syntax. */
  words: string[];
  filters?: { house?: "Commons" | "Lords"; from?: string; to?: string; answered?: boolean };
}

const PER_KIND = 25;
const words = (text: string) => text.toLowerCase().match(/[a-z]{4,}/g) ?? [];

/** Swaps two inner letters: "hospitals" → "hosiptals". Always one edit (a transposition). */
function typoOf(word: string): string {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at - 1) + (word[at] as string) + (word[at - 1] as string) + word.slice(at + 1);
}

export function benchQueries(records: RecordInput[]): BenchQuery[] {
  const documentFrequency = new Map<string, number>();
  for (const record of records) {
    for (const word of new Set(words(`${record.questionText} ${record.answer?.text ?? ""}`)))
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const byFrequency = [...documentFrequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const common = byFrequency.slice(0, PER_KIND).map(([word]) => word);
  // The rarest words the corpus has (in a large corpus even the rare vocabulary recurs).
  const rare = byFrequency
    .slice(-PER_KIND * 7)
    .filter((_, at) => at % 7 === 0)
    .map(([word]) => word);
  const middle = byFrequency.slice(40, 40 + PER_KIND).map(([word]) => word);
  const step = Math.max(1, Math.floor(records.length / PER_KIND));
  const sampled = Array.from({ length: PER_KIND }, (_, at) => records[(at * step) % records.length] as RecordInput);
  // Adjacent words from real questions, skipping the fixed "To ask the Secretary of State" opening.
  const run = (record: RecordInput, length: number) => words(record.questionText).slice(-length - 2, -2);

  const queries: BenchQuery[] = [];
  const add = (kind: QueryKind, q: string, wordList: string[], filters?: BenchQuery["filters"]) =>
    queries.push({ kind, q, words: wordList, ...(filters ? { filters } : {}) });
  for (const word of common) add("common", word, [word]);
  for (const word of rare) add("rare", word, [word]);
  for (const record of sampled) {
    const two = run(record, 2);
    add("two", two.join(" "), two);
    const three = run(record, 3);
    add("three", three.join(" "), three);
    const phrase = run(record, 2);
    add("phrase", `"${phrase.join(" ")}"`, phrase);
  }
  for (const word of middle) add("prefix", word.slice(0, Math.max(3, Math.ceil(word.length / 2))), [word]);
  for (const word of middle) add("typo", typoOf(word), [word]);
  common.forEach((word, at) => {
    add("filtered", word, [word], {
      house: at % 2 ? "Lords" : "Commons",
      from: `${2015 + (at % 5)}-01-01`,
      to: `${2017 + (at % 5)}-12-31`,
    });
  });
  // Facet-heavy: browse everything (or a very common word), so facet counting covers most records.
  common.forEach((word, at) => {
    add("facets", at % 2 ? "" : word, at % 2 ? [] : [word], { answered: at % 3 !== 0 });
  });
  return queries;
}
