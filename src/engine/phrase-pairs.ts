/**
 * The phrase-pair index: for each pair of stems that stand side by side in some field, the records
 * where they do. A quoted phrase ("human rights") is then answered by looking its pairs up instead
 * of re-reading every record that merely holds both words — which, for common words, is most of
 * the collection, and for a sharded collection would mean fetching most of its record shards.
 *
 * Only pairs whose two words share at least `PAIR_MIN_SHARED` records are stored: the build and
 * the query count that overlap the same way (from the key's records in any field), so a query
 * knows whether a pair's absence means "nowhere" (stored rule met) or "not indexed" (then the
 * candidates are fewer than `PAIR_MIN_SHARED` and are re-read word for word). Rarer pairs, the
 * long tail of distinct pairs, cost nothing in the index.
 */

/** The pair index's name beside the field indexes' in sharded postings files (`importPostings`). */
export const PAIR_INDEX = "phrasePairs";

/** The stored pairs, by key, each with its records encoded as doc-sets.ts describes; sorted by key. */
export type PhrasePairs = Array<[key: string, docs: string]>;

/** Words sharing fewer records than this have their pair checked by re-reading the records. */
export const PAIR_MIN_SHARED = 64;

/**
 * The pair index's key for two adjacent stems. Stems are letters and digits only, so `+` cannot
 * occur in one; it also sorts before them, so a pair's key lands beside its first word's key
 * (usually in the same postings file of a sharded collection).
 */
export function pairKey(first: string, second: string): string {
  return `${first}+${second}`;
}

/** The distinct adjacent pairs of a sequence of stems, as pair keys. */
export function adjacentPairs(stems: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < stems.length; i++) pairs.add(pairKey(stems[i - 1] as string, stems[i] as string));
  return pairs;
}

/**
 * Whether two ascending lists of records share at least `enough` entries; stops as soon as they
 * do. The build calls it with the keys' record sets, the engine with their impact lists.
 */
export function shareAtLeast(a: ArrayLike<number>, b: ArrayLike<number>, enough: number): boolean {
  if (a.length < enough || b.length < enough) return false;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      if (++shared >= enough) return true;
      i++;
      j++;
    }
  }
  return false;
}
