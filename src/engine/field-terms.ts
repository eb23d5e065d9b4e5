/**
 * What the build indexes for one field of one record: the stem of every word, plus the key of
 * every synonym group a run of words belongs to, plus the joined form of hyphenated words
 * (`extra-judicially` is also indexed as `extrajudicially`). Also the surface words, for the
 * vocabulary that typo tolerance, prefixes and suggestions search.
 */

import { tokenize } from "../text/tokenize";
import { stem } from "./stem";
import type { SynonymMatcher } from "./synonyms";

export interface AnalysedField {
  /** Index keys in reading order; group keys follow the words they stand for. */
  keys: string[];
  /** Normalised surface words, hyphen-joined forms included. */
  words: string[];
  /** The stem of each word, in reading order: what a quoted phrase must find side by side. */
  stems: string[];
  /** Number of words: the field length that ranking normalises by. */
  length: number;
}

const HYPHEN = /^[-‐‑–]$/;

export function analyseField(text: string, synonyms: SynonymMatcher): AnalysedField {
  const tokens = tokenize(text);
  const stems = tokens.map((token) => stem(token.term));
  const groupsEndingAt = new Map<number, string[]>();
  for (const match of synonyms.allMatches(stems)) {
    const end = match.start + match.length - 1;
    groupsEndingAt.set(end, [...(groupsEndingAt.get(end) ?? []), match.key]);
  }
  const keys: string[] = [];
  const words: string[] = [];
  tokens.forEach((token, i) => {
    keys.push(stems[i] as string);
    words.push(token.term);
    const previous = tokens[i - 1];
    if (previous && HYPHEN.test(text.slice(previous.end, token.start))) {
      const joined = previous.term + token.term;
      keys.push(stem(joined));
      words.push(joined);
    }
    keys.push(...(groupsEndingAt.get(i) ?? []));
  });
  return { keys, words, stems, length: tokens.length };
}
