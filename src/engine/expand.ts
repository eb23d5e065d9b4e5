/**
 * Which index keys a query clause looks up, and how much each counts. A word the index holds is
 * looked up as itself (and, while still being typed, also as its completions, worth less). A word
 * the index lacks is completed as a prefix (`extrajud`), and failing that corrected (`rapoteur`):
 * one edit from 4 letters, two from 8, never on shorter words, so short queries are not flooded.
 */
import type { QueryClause } from "./parse-query";
import type { KeyLookup } from "./sorted-keys";
import type { Vocabulary } from "./vocabulary";

export interface Expansion {
  /** Position of the key in the compiled key list. */
  key: number;
  /** Multiplies the key's score: 1 for the word itself, less for guesses. */
  factor: number;
}

export const EXPANSION_FACTORS = { exact: 1, completion: 0.8, completionOfExact: 0.4, correction: 0.6 } as const;
const MAX_COMPLETIONS = 8;
const MAX_CORRECTIONS = 4;

export function maxEditsFor(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

export function expandClause(clause: QueryClause, keyPosition: KeyLookup, vocabulary: Vocabulary): Expansion[] {
  const exact = keyPosition.get(clause.key);
  const expansions: Expansion[] = exact === undefined ? [] : [{ key: exact, factor: EXPANSION_FACTORS.exact }];
  if (!clause.fuzzy || clause.word === "") return expansions;
  const add = (word: number, factor: number) => {
    const key = vocabulary.keyOf(word);
    if (key >= 0 && !expansions.some((expansion) => expansion.key === key)) expansions.push({ key, factor });
  };
  if (exact !== undefined) {
    if (clause.last && clause.word.length >= 4) {
      for (const match of vocabulary.completions(clause.word, MAX_COMPLETIONS)) {
        add(match.word, EXPANSION_FACTORS.completionOfExact);
      }
    }
    return expansions;
  }
  if (clause.word.length >= 3) {
    for (const match of vocabulary.completions(clause.word, MAX_COMPLETIONS)) {
      add(match.word, EXPANSION_FACTORS.completion);
    }
  }
  const maxEdits = maxEditsFor(clause.word);
  if (expansions.length === 0 && maxEdits > 0) {
    for (const match of vocabulary.corrections(clause.word, maxEdits, MAX_CORRECTIONS)) {
      add(match.word, EXPANSION_FACTORS.correction / match.edits);
    }
  }
  return expansions;
}
