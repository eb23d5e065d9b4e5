/**
 * A field's index as the Worker holds it: FlexSearch's key map (key → records by position
 * bucket), read from the build's export without FlexSearch itself. The engine only ever reads
 * that map (scoring, AND across fields and expansion are its own), so the Worker bundles none of
 * FlexSearch's 49 KiB and evaluates none of it at start-up. The build writes the export with
 * FlexSearch (flex.ts); test/node/field-index.test.ts checks that reading it here gives exactly
 * the map FlexSearch's own import gives, so an upgrade that changes the format fails there.
 */

/** Position buckets per field: a match early in a field lands in a low bucket and scores higher. */
export const RESOLUTION = 9;

/** FlexSearch's serialised chunks for one field, in export order: `[key, data]`. */
export type SerializedFieldIndex = Array<[key: string, data: unknown]>;

/** For each key, its records by position bucket: `buckets[b]` lists records whose field has the key at bucket b. */
export type Postings = ReadonlyArray<readonly number[] | undefined>;

/** What a chunk's key names, as FlexSearch's `Index.import` reads it (`1.map`, `map.json`, `map`). */
function chunkKind(key: string): string | undefined {
  const parts = key.split(".");
  if (parts[parts.length - 1] === "json") parts.pop();
  if (parts.length === 3) parts.shift();
  return parts.length > 1 ? parts[1] : parts[0];
}

export class FieldIndex {
  /** Every key's postings; a sharded collection adds keys as their postings files arrive. */
  readonly map = new Map<string, Postings>();

  /**
   * Takes one exported chunk, as FlexSearch's `Index.import` would: a `map` chunk's entries are
   * set into the key map; the others (`reg`, the document registry; `ctx`, context keys, which the
   * build turns off) hold nothing the engine reads.
   */
  import(key: string, data: unknown): void {
    if (!data || chunkKind(key) !== "map") return;
    const entries = (typeof data === "string" ? JSON.parse(data) : data) as ReadonlyArray<[string, Postings]>;
    for (const [term, buckets] of entries) this.map.set(term, buckets);
  }
}

export function importFieldIndex(chunks: SerializedFieldIndex): FieldIndex {
  const index = new FieldIndex();
  for (const [key, data] of chunks) index.import(key, data);
  return index;
}

/** The key map the engine reads postings from. */
export function postingsOf(index: FieldIndex): ReadonlyMap<string, Postings> {
  return index.map;
}
