/**
 * Order: the page's records in the requested order — relevance (score, ties to the newest answer,
 * then source order), newest or oldest answer first. A page needs only the best `offset + limit`
 * (at most 1,000), so most matches are rejected by one comparison against the page's worst.
 */
import type { Sort } from "../../schema/query";

/** Pages longer than this, when they are most of the matches, are cut from the matches sorted. */
const SORT_FROM = 64;

interface DateOrdering {
  /** Every record in this order. */
  docs: Int32Array;
  /** `rank[doc]`: the record's position in `docs`. */
  rank: Int32Array;
}

/**
 * Every record by its date rank — oldest first, or newest first with the unanswered (rank ≥ size)
 * after every dated one — source order breaking ties. Ranks are below the collection's size, so a
 * counting sort: two passes, where sorting 50,000 records with a comparison took ~40 ms of a cold
 * isolate's first search.
 */
function byDateRank(dateOrder: readonly number[], newestFirst: boolean): DateOrdering {
  const size = dateOrder.length;
  // Each record's rank read once (the unanswered clamped to `size`), counted as it is read.
  const ranks = new Int32Array(size);
  const counts = new Int32Array(size + 1);
  for (let doc = 0; doc < size; doc++) {
    const rank = Math.min(dateOrder[doc] as number, size);
    ranks[doc] = rank;
    counts[rank] = (counts[rank] as number) + 1;
  }
  // Where each rank's records start: dated ranks in order (or reversed), the unanswered last.
  const start = new Int32Array(size + 1);
  let at = 0;
  for (let step = 0; step < size; step++) {
    const rank = newestFirst ? size - 1 - step : step;
    start[rank] = at;
    at += counts[rank] as number;
  }
  start[size] = at;
  const docs = new Int32Array(size);
  // Reused for each record's position in the order: its rank was read into it above.
  const position = ranks;
  for (let doc = 0; doc < size; doc++) {
    const rank = ranks[doc] as number;
    const slot = start[rank] as number;
    start[rank] = slot + 1;
    docs[slot] = doc;
    position[doc] = slot;
  }
  return { docs, rank: position };
}

export class Ordering {
  /** Every record in date order, and each record's rank there; each order sorted on its first use. */
  private newest: DateOrdering | null = null;
  private oldest: DateOrdering | null = null;

  /** @param dateOrder `dateOrder[doc]`: the build's rank of the record by date answered, oldest first; unanswered rank last. */
  constructor(private readonly dateOrder: readonly number[]) {}

  /** `rank[doc]`: where relevance puts the record among records of equal score (newest answer first). */
  relevanceRank(): Int32Array {
    return this.dates("newest").rank;
  }

  /** Browsing everything: the head of a list sorted once per engine. */
  browse(sort: Sort, count: number): number[] {
    return Array.from(this.dates(sort === "oldest" ? "oldest" : "newest").docs.subarray(0, count));
  }

  /**
   * The first `count` of `docs` in the requested order, by `scores` when sorting by relevance
   * (null: no words, so by date). When `count` is a small share of the matches they are selected
   * in one pass instead of sorting every match. The order is total (equal scores fall to the
   * newest answer, then to source order: one precomputed rank), so both paths agree exactly.
   */
  top(docs: Int32Array, sort: Sort, scores: Float64Array | null, count: number): number[] {
    if (count === 0) return [];
    const { rank } = this.dates(sort === "oldest" ? "oldest" : "newest");
    const byScore = sort === "relevance" ? scores : null;
    const compare = this.comparator(sort, scores);
    // Most of a long list wanted (a deep page): sorting it beats inserting into a long page.
    if (count * 4 >= docs.length && count > SORT_FROM) return Array.from(docs).sort(compare).slice(0, count);
    const best: number[] = [];
    let i = 0;
    for (; i < docs.length && best.length < count; i++) insertInto(best, docs[i] as number, compare);
    if (best.length < count) return best;
    // The page's worst so far, in locals: most matches rank below it and are settled by one
    // comparison in a loop doing nothing else (no test of the page's length, nor of which order).
    let worst = best[count - 1] as number;
    let worstRank = rank[worst] as number;
    if (byScore) {
      let worstScore = byScore[worst] as number;
      for (; i < docs.length; i++) {
        const doc = docs[i] as number;
        const score = byScore[doc] as number;
        if (score < worstScore) continue;
        if (score === worstScore && (rank[doc] as number) > worstRank) continue;
        best.pop();
        insertInto(best, doc, compare);
        worst = best[count - 1] as number;
        worstScore = byScore[worst] as number;
        worstRank = rank[worst] as number;
      }
      return best;
    }
    for (; i < docs.length; i++) {
      const doc = docs[i] as number;
      if ((rank[doc] as number) > worstRank) continue;
      best.pop();
      insertInto(best, doc, compare);
      worst = best[count - 1] as number;
      worstRank = rank[worst] as number;
    }
    return best;
  }

  /** The order `top` pages through, as a comparison: negative when `a` comes first. */
  comparator(sort: Sort, scores: Float64Array | null): (a: number, b: number) => number {
    const { rank } = this.dates(sort === "oldest" ? "oldest" : "newest");
    const byScore = sort === "relevance" ? scores : null;
    return byScore
      ? (a: number, b: number) =>
          (byScore[b] as number) - (byScore[a] as number) || (rank[a] as number) - (rank[b] as number)
      : (a: number, b: number) => (rank[a] as number) - (rank[b] as number);
  }

  /**
   * Every record in date order — newest answer first (unanswered last), or oldest first — with
   * source order breaking ties, and each record's position in that order.
   */
  private dates(order: "newest" | "oldest"): DateOrdering {
    // Only the order asked for: relevance breaks ties by the newest, and few ask for the oldest.
    if (order === "newest") {
      this.newest ??= byDateRank(this.dateOrder, true);
      return this.newest;
    }
    this.oldest ??= byDateRank(this.dateOrder, false);
    return this.oldest;
  }
}

/** Inserts `doc` into `best` (ordered by `compare`) at its place: a binary search, then a shift. */
function insertInto(best: number[], doc: number, compare: (a: number, b: number) => number): void {
  let low = 0;
  let high = best.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(best[middle] as number, doc) <= 0) low = middle + 1;
    else high = middle;
  }
  // Shifted by hand: `splice` makes an array of the (no) elements it removes on every call.
  let at = best.length;
  best.push(doc);
  for (; at > low; at--) best[at] = best[at - 1] as number;
  best[low] = doc;
}
