/**
 * Relevance: what a record scores for a query, BM25-style. A key is worth, in a record, its impact
 * there (field weight × early-position bonus × length factor, summed over fields: impacts.ts) times
 * its idf and its expansion factor (exact, completion, correction: expand.ts). A clause is worth
 * the best of its keys; a record's score is the sum over the clauses it matches.
 *
 * The per-record accumulators live here, one set per engine, reused by every search through
 * generation stamps so nothing needs clearing: `total` is what ordering reads, `clausesMatched`
 * counts each candidate's required clauses and `covered` the idf they are worth (tiers.ts turns
 * it into coverage). Strict matching (`first`, then `add`) takes the records of one clause as
 * candidates; fallback matching (`begin`, then `include`) takes those of any required clause.
 */
import { firstAtLeast } from "../doc-range";
import type { Impact } from "../impacts";

// BM25's usual constants: term-frequency saturation and the strength of length normalisation.
const K1 = 1.2;
const B = 0.75;

/**
 * BM25's length factor, with the term counted once: short fields score higher. A field's lengths
 * are few distinct numbers, so the factor is tabled by length — `byLength[lengths[doc]]` — one
 * division per distinct length instead of one per record (a cold isolate's first search ran a
 * division loop over every record of every field).
 */
export interface LengthFactors {
  lengths: ArrayLike<number>;
  byLength: Float64Array;
}

export function lengthFactors(lengths: ArrayLike<number>): LengthFactors {
  let total = 0;
  let longest = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    total += length;
    if (length > longest) longest = length;
  }
  const average = total / Math.max(1, lengths.length) || 1;
  const byLength = new Float64Array(longest + 1);
  for (let length = 0; length <= longest; length++) {
    byLength[length] = (K1 + 1) / (1 + K1 * (1 - B + (B * length) / average));
  }
  return { lengths, byLength };
}

/** BM25's idf: a key held by `df` of `size` records. */
export function inverseDocumentFrequency(df: number, size: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}

/**
 * Looking a candidate up in a key's list (a binary search) costs about as much as walking this
 * many of the list's entries: below that share, candidates are looked up.
 */
const LOOKUP_SHARE = 12;

/** One key of a clause, ready to score: its impact list and what it is worth in this query. */
export interface WeightedImpact {
  impact: Impact;
  weight: number;
}

export class Scoreboard {
  /** `total[doc]`: the record's score so far in the current search (valid for its candidates only). */
  readonly total: Float64Array;
  /** `clausesMatched[doc]`: required clauses the candidate matched so far. */
  readonly clausesMatched: Uint16Array;
  /** `covered[doc]`: the coverage of the clauses the candidate matched (fallback matching only). */
  readonly covered: Float64Array;
  private readonly clauseStamp: Uint32Array;
  private readonly clauseScore: Float64Array;
  private readonly queryStamp: Uint32Array;
  /** The records the last `include`d clause matched, by generation: a group's words skip them. */
  private readonly groupStamp: Uint32Array;
  private groupGeneration = 0;
  private generation = 0;
  private queryGeneration = 0;

  constructor(size: number) {
    this.total = new Float64Array(size);
    this.clausesMatched = new Uint16Array(size);
    this.covered = new Float64Array(size);
    this.groupStamp = new Uint32Array(size);
    this.clauseStamp = new Uint32Array(size);
    this.clauseScore = new Float64Array(size);
    this.queryStamp = new Uint32Array(size);
  }

  /**
   * Starts a search with its first clause: every record the clause lists becomes a candidate,
   * scored by the clause. Returns the candidates: a view of `out`, or (for a clause of one key)
   * the key's own impact list — read-only either way, and valid only until the next search.
   */
  first(keys: readonly WeightedImpact[], out: Int32Array): Int32Array {
    this.queryGeneration = this.nextGeneration();
    const { clauseScore, queryStamp, total, clausesMatched, queryGeneration } = this;
    if (keys.length === 1) {
      // One key: its list is the candidates, scored straight into the totals in one pass.
      const { impact, weight } = keys[0] as WeightedImpact;
      const { docs, weights } = impact;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        queryStamp[doc] = queryGeneration;
        total[doc] = weight * (weights[i] as number);
        clausesMatched[doc] = 1;
      }
      return docs;
    }
    const candidates = this.scoreClause(keys, null, out);
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i] as number;
      queryStamp[doc] = queryGeneration;
      total[doc] = clauseScore[doc] as number;
      clausesMatched[doc] = 1;
    }
    return candidates;
  }

  /**
   * Adds a later clause's score to the candidates it matches (no others), counting it if required.
   * `candidates` are this search's candidates (in any order): when they are few against a key's
   * records, each is looked up in the key's list instead of walking all of it.
   */
  add(keys: readonly WeightedImpact[], required: boolean, out: Int32Array, candidates: Int32Array): void {
    const scored = this.scoreClause(keys, candidates, out);
    const { clauseScore, total, clausesMatched } = this;
    for (let i = 0; i < scored.length; i++) {
      const doc = scored[i] as number;
      total[doc] = (total[doc] as number) + (clauseScore[doc] as number);
      if (required) clausesMatched[doc] = (clausesMatched[doc] as number) + 1;
    }
  }

  /** Starts a search in which any required clause's records are candidates (fallback matching). */
  begin(): void {
    this.queryGeneration = this.nextGeneration();
  }

  /**
   * Fallback matching: a required clause's records join the candidates (appended to `candidates`
   * from `count`), each scored, counted and credited with `coverage`. With `partOfLast`, a word of
   * the group clause included just before: it credits only records the group itself missed, and
   * does not count as a required clause. Returns the new number of candidates.
   */
  include(
    keys: readonly WeightedImpact[],
    coverage: number,
    partOfLast: boolean,
    candidates: Int32Array,
    count: number,
    out: Int32Array,
  ): number {
    const scored = this.scoreClause(keys, null, out);
    const { clauseScore, queryStamp, total, clausesMatched, covered, queryGeneration, groupStamp } = this;
    if (!partOfLast) this.groupGeneration = this.nextGeneration();
    const group = this.groupGeneration;
    let next = count;
    for (let i = 0; i < scored.length; i++) {
      const doc = scored[i] as number;
      if (partOfLast && groupStamp[doc] === group) continue;
      if (queryStamp[doc] !== queryGeneration) {
        queryStamp[doc] = queryGeneration;
        total[doc] = 0;
        clausesMatched[doc] = 0;
        covered[doc] = 0;
        candidates[next++] = doc;
      }
      total[doc] = (total[doc] as number) + (clauseScore[doc] as number);
      covered[doc] = (covered[doc] as number) + coverage;
      if (!partOfLast) {
        clausesMatched[doc] = (clausesMatched[doc] as number) + 1;
        groupStamp[doc] = group;
      }
    }
    return next;
  }

  /**
   * `candidates[0 .. count)`, this search's candidates gathered clause by clause, in record order.
   * Many of them (a common word's records, appended after another word's) are put in order by
   * reading the stamps of every record, a tenth of the time sorting them takes; a few are sorted.
   */
  inRecordOrder(candidates: Int32Array, count: number): Int32Array {
    const { queryStamp, queryGeneration } = this;
    const size = queryStamp.length;
    if (count * 32 <= size) return candidates.subarray(0, count).sort();
    let next = 0;
    for (let doc = 0; doc < size; doc++) if (queryStamp[doc] === queryGeneration) candidates[next++] = doc;
    return candidates.subarray(0, next);
  }

  /** Puts back scores saved before an await, during which another search may have used the board. */
  restore(docs: ArrayLike<number>, scores: ArrayLike<number>): void {
    for (let i = 0; i < docs.length; i++) this.total[docs[i] as number] = scores[i] as number;
  }

  /**
   * One clause's score per record — the best of its keys — left in `clauseScore`: for every record
   * a key lists, or (given this search's `candidates`) only for those. Candidates few against a
   * key's records are each looked up in its list instead of walking all of it.
   */
  private scoreClause(keys: readonly WeightedImpact[], candidates: Int32Array | null, out: Int32Array): Int32Array {
    const { clauseStamp, clauseScore, queryStamp, queryGeneration } = this;
    const only = keys.length === 1 ? (keys[0] as WeightedImpact) : null;
    if (only && !candidates) {
      // One word, nothing to merge: its impact list is the answer.
      const { docs, weights } = only.impact;
      for (let i = 0; i < docs.length; i++) clauseScore[docs[i] as number] = only.weight * (weights[i] as number);
      return docs;
    }
    const generation = this.nextGeneration();
    let count = 0;
    for (const { impact, weight } of keys) {
      const { docs, weights } = impact;
      const lookUp = candidates !== null && candidates.length * LOOKUP_SHARE < docs.length;
      const length = lookUp ? (candidates as Int32Array).length : docs.length;
      for (let i = 0; i < length; i++) {
        let doc: number;
        let at: number;
        if (lookUp) {
          doc = (candidates as Int32Array)[i] as number;
          at = firstAtLeast(docs, doc);
          if (docs[at] !== doc) continue;
        } else {
          doc = docs[i] as number;
          at = i;
          if (candidates && queryStamp[doc] !== queryGeneration) continue;
        }
        const value = weight * (weights[at] as number);
        if (clauseStamp[doc] !== generation) {
          clauseStamp[doc] = generation;
          clauseScore[doc] = value;
          out[count++] = doc;
        } else if (value > (clauseScore[doc] as number)) clauseScore[doc] = value;
      }
    }
    return out.subarray(0, count);
  }

  /** A stamp no scratch entry holds yet; on the (distant) wrap-around, stamps are cleared. */
  private nextGeneration(): number {
    if (this.generation >= 0xfffffffe) {
      this.clauseStamp.fill(0);
      this.queryStamp.fill(0);
      this.groupStamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}
