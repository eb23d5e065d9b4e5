/**
 * Key → position in the build's sorted key list, by binary search: nothing to build when a term
 * index is made. A Map of every key cost more than the search that needed it: at 50,000 records the
 * list holds ~200,000 keys (most of them proximity pairs), 116–232 ms to map on a cold isolate's first
 * search, against ~0.13 µs per lookup here, ten or so per query.
 */
/** The position in `sorted` (ascending by UTF-16 code unit) of the first string at least `text`. */
export function firstAtLeastText(sorted: readonly string[], text: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface KeyLookup {
  get(key: string): number | undefined;
  has(key: string): boolean;
}

export class SortedKeys implements KeyLookup {
  /** @param keys ascending by UTF-16 code unit, as the build sorts them (`compareStrings`). */
  constructor(private readonly keys: readonly string[]) {}

  get(key: string): number | undefined {
    const at = firstAtLeastText(this.keys, key);
    return this.keys[at] === key ? at : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}
