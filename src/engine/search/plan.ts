/**
 * Plan: what a search will look up, decided once from what was typed, before any posting is read.
 * The query is parsed into clauses (parse-query.ts), each clause expanded into the keys it looks up
 * with what each is worth in this query (expand.ts: the word, its completions or corrections), and
 * the stems a hit marks are collected. A sharded collection fetches exactly `lookups`' postings;
 * matching then reads the same plan, so parsing and expansion run once per search.
 */
import { terms } from "../../text/tokenize";
import { expandClause } from "../expand";
import { parseQuery } from "../parse-query";
import { pairKey } from "../phrase-pairs";
import type { TermIndex } from "../term-index";

export interface PlannedClause {
  /** Every match must satisfy it; otherwise it only adds to the score where it matches. */
  required: boolean;
  /** The index keys the clause looks up: the word, its completions or corrections. */
  keys: string[];
  /** `weights[k]`: what `keys[k]` is worth in this query (expansion factor × idf). */
  weights: number[];
}

export interface SearchPlan {
  /** The clauses to score; empty when browsing (no words). Optional stop words are left out. */
  clauses: PlannedClause[];
  /** Quoted phrases of two or more words, as stems, that must stand side by side. */
  phrases: string[][];
  /** A required clause has no key in the index at all: nothing can match. */
  unmatchable: boolean;
  /** Every index key matching reads — the clauses' keys, then the phrases' pair keys. */
  lookups: string[];
  /** The stems a hit marks: every key looked up, and every stem of a matched synonym group. */
  marked: ReadonlySet<string>;
}

/** Browsing: no words, so nothing to look up and nothing to mark. */
export const BROWSE: SearchPlan = { clauses: [], phrases: [], unmatchable: false, lookups: [], marked: new Set() };

/** Whether `q` holds any word at all; without one a search browses and needs no term index. */
export function hasWords(q: string): boolean {
  return terms(q).length > 0;
}

export function planSearch(q: string, index: TermIndex): SearchPlan {
  const query = parseQuery(q, index.synonyms, index.keyPosition);
  if (query.clauses.length === 0) return BROWSE;
  const clauses: PlannedClause[] = [];
  const lookups: string[] = [];
  const marked = new Set<string>();
  let unmatchable = false;
  for (const clause of query.clauses) {
    if (clause.stop && !clause.required) continue;
    const expansions = expandClause(clause, index.keyPosition, index.vocabulary);
    if (clause.required && expansions.length === 0) unmatchable = true;
    const keys: string[] = [];
    const weights: number[] = [];
    for (const { key: position, factor } of expansions) {
      const key = index.keys[position] as string;
      keys.push(key);
      weights.push(factor * (index.idf[position] as number));
      lookups.push(key);
      const groupStems = index.synonyms.stemsOfKey.get(key);
      if (groupStems) for (const stem of groupStems) marked.add(stem);
      else marked.add(key);
    }
    clauses.push({ required: clause.required, keys, weights });
  }
  for (const phrase of query.phrases)
    for (let i = 1; i < phrase.length; i++) lookups.push(pairKey(phrase[i - 1] as string, phrase[i] as string));
  // Nothing can match: no posting needs fetching.
  if (unmatchable) return { clauses, phrases: query.phrases, unmatchable, lookups: [], marked };
  return { clauses, phrases: query.phrases, unmatchable, lookups, marked };
}
