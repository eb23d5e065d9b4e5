/**
 * Plan: what a search will look up, decided once from what was typed, before any posting is read.
 * The query is parsed into clauses (parse-query.ts), each clause expanded into the keys it looks up
 * with what each is worth in this query (expand.ts: the word, its completions or corrections), and
 * the stems a hit marks are collected. Proximity keys become optional bonus clauses. A sharded
 * collection fetches exactly `lookups`' postings; matching then reads the same plan, so parsing and
 * expansion run once per search.
 */
import { terms } from "../../text/tokenize";
import { expandClause } from "../expand";
import type { MemberRole } from "../fields";
import { parseQuery } from "../parse-query";
import { pairKey } from "../phrase-pairs";
import { PROXIMITY_FACTOR } from "../proximity";
import type { TermIndex } from "../term-index";

/** What a synonym group's single word earns, as a share of the group's score and of its coverage. */
export const PART_CREDIT = 0.5;

export interface PlannedClause {
  /** Every full match satisfies it; otherwise it only adds to the score where it matches. */
  required: boolean;
  /** The index keys the clause looks up: the word, its completions or corrections. */
  keys: string[];
  /** `weights[k]`: what `keys[k]` is worth in this query (expansion factor × idf). */
  weights: number[];
  /**
   * What matching it adds to a record's coverage (tiers.ts): a required clause's idf (its rarest
   * key's; the rarest possible for a word the index lacks, which still counts as missing), a
   * group word's share of its group's, nothing for the optional rest.
   */
  coverage: number;
  /** A name after a role phrase: looked up in that member's field while the run's names are there. */
  role?: MemberRole;
  /** The first name of a role run. */
  roleStart?: boolean;
  /** A word of a synonym group: the position in `clauses` of the group's clause. */
  partOf?: number;
  /** A proximity pair: its weight is a factor of the pair's idf, known once its postings are read. */
  proximity?: true;
}

export interface SearchPlan {
  /** The clauses to score; empty when browsing (no words). Optional stop words are left out. */
  clauses: PlannedClause[];
  /** Quoted phrases of two or more words, as stems, that must stand side by side. */
  phrases: string[][];
  /** Only records matching every required clause and phrase (`match=all`); otherwise partial ones too. */
  strict: boolean;
  /** Nothing can match: no posting needs fetching. */
  unmatchable: boolean;
  /** The sum of the required clauses' coverage: what a record matching all of them holds. */
  coverage: number;
  /**
   * A record may match in part: several required clauses, a synonym group's single words, or a
   * phrase. Without, every match is a full match and strict matching finds them all.
   */
  partial: boolean;
  /** Every index key matching reads — the clauses' keys, then the phrases' pair keys. */
  lookups: string[];
  /** The stems a hit marks: every word's key looked up, and every stem of a matched synonym group. */
  marked: ReadonlySet<string>;
}

/** Browsing: no words, so nothing to look up and nothing to mark. */
export const BROWSE: SearchPlan = {
  clauses: [],
  phrases: [],
  strict: false,
  unmatchable: false,
  coverage: 0,
  partial: false,
  lookups: [],
  marked: new Set(),
};

/** Whether `q` holds any word at all; without one a search browses and needs no term index. */
export function hasWords(q: string): boolean {
  return terms(q).length > 0;
}

export function planSearch(q: string, index: TermIndex, strict = false): SearchPlan {
  const query = parseQuery(q, index.synonyms, index.keyPosition);
  if (query.clauses.length === 0) return BROWSE;
  const clauses: PlannedClause[] = [];
  const lookups: string[] = [];
  const marked = new Set<string>();
  // Made only for a query holding a synonym group: most hold none, and a Map costs its table.
  let groupAt: Map<string, number> | null = null;
  let missing = false;
  for (const clause of query.clauses) {
    if (clause.stop && !clause.required) continue;
    const expansions = expandClause(clause, index.keyPosition, index.vocabulary);
    if (clause.required && expansions.length === 0) missing = true;
    const credit = clause.partOf ? PART_CREDIT : 1;
    const planned: PlannedClause = { required: clause.required, keys: [], weights: [], coverage: 0 };
    let idf = expansions.length === 0 ? index.maxIdf : 0;
    for (const { key: position, factor } of expansions) {
      const key = index.keys[position] as string;
      planned.keys.push(key);
      planned.weights.push(credit * factor * (index.idf[position] as number));
      idf = Math.max(idf, index.idf[position] as number);
      lookups.push(key);
      const groupStems = index.synonyms.stemsOfKey.get(key);
      if (groupStems) for (const stem of groupStems) marked.add(stem);
      else marked.add(key);
    }
    if (clause.required) planned.coverage = idf;
    if (clause.role) {
      planned.role = clause.role;
      if (clause.roleStart) planned.roleStart = true;
    }
    if (clause.partOf !== undefined) {
      const group = groupAt?.get(clause.partOf);
      if (group === undefined) continue;
      planned.partOf = group;
      // Its share of the group's coverage is set below, once every word of the group is known.
      planned.coverage = idf;
    } else if (clause.word === "") {
      groupAt ??= new Map();
      groupAt.set(clause.key, clauses.length);
    }
    clauses.push(planned);
  }
  // A group's words share half its coverage between them, each in proportion to its own idf.
  for (const [, group] of groupAt ?? []) {
    const parts = clauses.filter((clause) => clause.partOf === group);
    const sum = parts.reduce((total, part) => total + part.coverage, 0) || 1;
    const groupCoverage = (clauses[group] as PlannedClause).coverage;
    for (const part of parts) part.coverage = (PART_CREDIT * groupCoverage * part.coverage) / sum;
  }
  // Neighbouring query words standing side by side in a record's field: a bonus, never required,
  // weighed when matching by the pair's idf (its postings' length: proximity.ts).
  for (const key of query.proximity) {
    clauses.push({ required: false, keys: [key], weights: [PROXIMITY_FACTOR], coverage: 0, proximity: true });
    lookups.push(key);
  }
  for (const phrase of query.phrases)
    for (let i = 1; i < phrase.length; i++) lookups.push(pairKey(phrase[i - 1] as string, phrase[i] as string));
  const coverage = clauses.reduce((sum, clause) => sum + (clause.required ? clause.coverage : 0), 0);
  // Strictly, one word the index lacks leaves nothing to match; otherwise only a query of such words.
  const unmatchable = strict ? missing : !clauses.some((clause) => clause.keys.length > 0 && clause.coverage > 0);
  const partial =
    query.phrases.length > 0 ||
    clauses.some((clause) => clause.partOf !== undefined) ||
    clauses.filter((clause) => clause.required).length > 1;
  return {
    clauses,
    phrases: query.phrases,
    strict,
    unmatchable,
    coverage,
    partial,
    lookups: unmatchable ? [] : lookups,
    marked,
  };
}
