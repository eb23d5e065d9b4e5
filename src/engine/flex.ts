/**
 * The one place FlexSearch is configured, for the build: it indexes each field with FlexSearch and
 * exports it. The Worker reads the export without FlexSearch (field-index.ts), so only the build
 * and the tests import this module.
 */
import { Encoder, Index } from "flexsearch";
import { RESOLUTION, type SerializedFieldIndex } from "./field-index";

export type { Postings, SerializedFieldIndex } from "./field-index";
export { RESOLUTION };

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

export function exportFieldIndex(index: Index): SerializedFieldIndex {
  const chunks: SerializedFieldIndex = [];
  index.export((key: string, data: string) => {
    chunks.push([key, JSON.parse(data)]);
  });
  return chunks;
}
