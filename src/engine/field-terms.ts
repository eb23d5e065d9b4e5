/**
 * What the build indexes for one field of one record: the stem of every word, plus the key of
 * every synonym group a run of words belongs to, plus the joined form of words written together
 * with punctuation but no space (`extra-judicially` is also indexed as `extrajudicially`, `BN(O)`
 * as `bno`, `U.K.` as `uk`), plus a proximity key per pair of neighbouring content words
 * (proximity.ts). Also the surface words, for the vocabulary that typo tolerance, prefixes and
 * suggestions search.
 */

import { tokenize } from "../text/tokenize";
import { proximityKeys } from "./proximity";
import { stem } from "./stem";
import type { SynonymMatcher } from "./synonyms";

export interface AnalysedField {
  /** Index keys in reading order; group keys follow the words they stand for. */
  keys: string[];
  /** Normalised surface words, joined forms included. */
  words: string[];
  /** The stem of each word, in reading order: what a quoted phrase must find side by side. */
  stems: string[];
  /** Number of words: the field length that ranking normalises by. */
  length: number;
}

/**
 * What may stand between two words written as one: one or two characters that are neither space,
 * letter nor digit (`-`, `(`, `.`, `/`). The query reads its own words the same way (parse-query.ts).
 */
export const JOINER = /^[^\s\p{L}\p{N}]{1,2}$/u;

/** @param proximity whether to add the field's proximity keys (its `SearchFieldDefinition.proximity`) */
export function analyseField(text: string, synonyms: SynonymMatcher, proximity: boolean): AnalysedField {
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
    if (previous && JOINER.test(text.slice(previous.end, token.start))) {
      const joined = previous.term + token.term;
      keys.push(stem(joined));
      words.push(joined);
    }
    keys.push(...(groupsEndingAt.get(i) ?? []));
  });
  // After every word, so the words' positions (and so their early-position bonus) stay as they were.
  if (proximity)
    keys.push(
      ...proximityKeys(
        tokens.map((token) => token.term),
        stems,
      ),
    );
  return { keys, words, stems, length: tokens.length };
}
