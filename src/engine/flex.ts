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
