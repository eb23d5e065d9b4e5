/**
 * The one place FlexSearch is configured. Build and Worker must create indexes with identical
 * options, because an export does not carry its configuration.
 */
import { Encoder, Index } from "flexsearch";

/** Position buckets per field: a match early in a field lands in a low bucket and scores higher. */
export const RESOLUTION = 9;

/**
 * Terms reach FlexSearch already normalised by `tokenize`, joined by single spaces, so its encoder
 * only splits. `cache: false` matters: the cache starts a timer, which Workers forbid at global scope.
 */
export function createFieldIndex(): Index {
  const encoder = new Encoder({
    cache: false,
    split: " ",
    numeric: false,
    normalize: false,
    dedupe: false,
    minlength: 1,
    maxlength: 1024,
  });
  return new Index({ tokenize: "strict", resolution: RESOLUTION, context: false, encoder, fastupdate: false });
}

/** FlexSearch's serialised chunks for one field, in export order: `[key, data]`. */
export type SerializedFieldIndex = Array<[key: string, data: unknown]>;

export function exportFieldIndex(index: Index): SerializedFieldIndex {
  const chunks: SerializedFieldIndex = [];
  index.export((key: string, data: string) => {
    chunks.push([key, JSON.parse(data)]);
  });
  return chunks;
}

export function importFieldIndex(chunks: SerializedFieldIndex): Index {
  const index = createFieldIndex();
  for (const [key, data] of chunks) index.import(key, data as string);
  return index;
}

/** For each key, its records by position bucket: `buckets[b]` lists records whose field has the key at bucket b. */
export type Postings = ReadonlyArray<readonly number[] | undefined>;

/**
 * FlexSearch's key table. The engine reads it directly rather than through `search()`: a lookup
 * is then one Map.get with no result objects, and scoring, AND across fields and typo/prefix
 * expansion are ours anyway. `map` is the structure FlexSearch exports and imports, pinned by
 * the version in package-lock.json; the engine tests fail if an upgrade moves it.
 */
export function postingsOf(index: Index): ReadonlyMap<string, Postings> {
  const map = (index as unknown as { map?: unknown }).map;
  if (!(map instanceof Map))
    throw new Error("pqsearch: this FlexSearch version keeps no key map on Index; check flex.ts");
  return map as ReadonlyMap<string, Postings>;
}
