/**
 * Reads what a user typed into clauses. Quoted text ("mass graves") is a phrase: its words are
 * required exactly and must stand side by side. Elsewhere, a run of words naming a synonym group
 * (United Nations, SG) becomes one clause for the group; stop words and honorifics are optional;
 * every other word is required but may be completed or corrected if the index lacks it.
 */

import { tokenize } from "../text/tokenize";
import { stem } from "./stem";
import { HONORIFICS, STOP_WORDS } from "./stopwords";
import type { SynonymMatcher } from "./synonyms";

export interface QueryClause {
  /** The normalised word as typed; empty for a synonym group. */
  word: string;
  /** The index key looked up: a stem or a synonym group key. */
  key: string;
  /** Every match must satisfy it. */
  required: boolean;
  /** A stop word: optional clauses of this kind are not even scored. */
  stop: boolean;
  /** Outside quotes, so it may be completed (prefix) or corrected (typo). */
  fuzzy: boolean;
  /** The word still being typed: the query's last word, with no space after it. */
  last: boolean;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** Quoted phrases of two or more words, as stems, to verify word order. */
  phrases: string[][];
}

const QUOTES = /["“”„]/;

/**
 * @param index the keys the index holds (a `Set` or the key table's `Map` will do); lets
 *   `extra judicial` and `extra-judicial` find `extrajudicial` when the parts alone would find nothing.
 */
export function parseQuery(q: string, synonyms: SynonymMatcher, index: { has(key: string): boolean }): ParsedQuery {
  const clauses: QueryClause[] = [];
  const phrases: string[][] = [];
  q.split(QUOTES).forEach((segment, i) => {
    const tokens = tokenize(segment);
    const stems = tokens.map((token) => stem(token.term));
    if (i % 2 === 1) {
      tokens.forEach((token, t) => {
        const key = stems[t] as string;
        clauses.push({ word: token.term, key, required: true, stop: false, fuzzy: false, last: false });
      });
      if (stems.length > 1) phrases.push(stems);
      return;
    }
    for (let t = 0; t < tokens.length; ) {
      const group = synonyms.longestAt(stems, t);
      if (group) {
        clauses.push({ word: "", key: group.key, required: true, stop: false, fuzzy: false, last: false });
        t += group.length;
        continue;
      }
      const word = (tokens[t] as { term: string }).term;
      const next = tokens[t + 1]?.term;
      if (next !== undefined && !(index.has(stems[t] as string) && index.has(stems[t + 1] as string))) {
        const joined = stem(word + next);
        if (index.has(joined)) {
          clauses.push({ word: word + next, key: joined, required: true, stop: false, fuzzy: true, last: false });
          t += 2;
          continue;
        }
      }
      const stop = STOP_WORDS.has(word);
      const optional = stop || HONORIFICS.has(word);
      clauses.push({ word, key: stems[t] as string, required: !optional, stop, fuzzy: true, last: false });
      t++;
    }
  });
  const lastClause = clauses[clauses.length - 1];
  if (lastClause?.fuzzy && /[\p{L}\p{N}]\p{M}*$/u.test(q)) lastClause.last = true;
  // A query of nothing but stop words or titles ("Lord", "the") still means something: require them.
  if (!clauses.some((clause) => clause.required)) {
    for (const clause of clauses) {
      clause.required = true;
      clause.stop = false;
    }
  }
  // A key typed twice counts once, as strictly as its strictest use.
  const byKey = new Map<string, QueryClause>();
  for (const clause of clauses) {
    const earlier = byKey.get(clause.key);
    if (!earlier) byKey.set(clause.key, clause);
    else {
      earlier.required ||= clause.required;
      earlier.stop &&= clause.stop;
      earlier.fuzzy &&= clause.fuzzy;
      earlier.last ||= clause.last;
    }
  }
  return { clauses: [...byKey.values()], phrases };
}
