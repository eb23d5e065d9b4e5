/**
 * Judged query sets (eval/judged/*.json): queries with graded records, and which collection they
 * were graded on. See eval/judged/README.md for how they were built and graded.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { QueryFilters } from "./filters";

export const JUDGED_DIR = resolve(import.meta.dirname, "judged");

export interface JudgedQuery {
  q: string;
  /** What the query exercises: topic, natural, member, typo, phrase, acronym, filter (older sets: plain, stem…). */
  kind: string;
  filters?: QueryFilters;
  /** Record id → grade. Records not listed are unjudged and count as 0. */
  judgements: Record<string, number>;
  /** Relevant records no engine pooled, added by the judge from reading the collection. */
  addedByJudge?: string[];
}

export interface JudgedSet {
  /** `"real"` (the seed + the shared corpora's API records) or a seeds directory relative to the project root. */
  collection: string;
  note: string;
  /** How the pool was made, for sets judged by pooling. */
  pooledFrom?: { engines: string[]; depth: number; date: string; judge: string };
  queries: JudgedQuery[];
}

/** The sets `npm run eval` scores, in order: the pooled sets first, then the older regression sets. */
export const SET_NAMES = ["real", "seed-pooled", "seed", "second"] as const;

export function loadJudgedSet(name: string): JudgedSet {
  return JSON.parse(readFileSync(resolve(JUDGED_DIR, `${name}.json`), "utf8")) as JudgedSet;
}

/** The judgements as a Map: record ids come from data, so never a plain object's keys at lookup. */
export const judgementsOf = (query: JudgedQuery): Map<string, number> => new Map(Object.entries(query.judgements));
