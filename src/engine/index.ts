/**
 * pqsearch's search engine: the one entry point for the Worker, the tests, the benchmarks and the
 * evaluation. Open the collection the build compiled — bundled (everything in one module) or
 * sharded (a small head, the rest in static-asset files) — and search it:
 *
 * ```ts
 * import { openCollection } from "./engine";
 * const collection = openCollection(compiled, { load: assetLoader(env.ASSETS) });
 * const { total, hits, facets } = await collection.search({ q: "human rights", sort: "relevance", limit: 10, offset: 0 });
 * ```
 *
 * The engine imports no Hono and no Worker API, so the same code runs in Node benchmarks.
 */
import type { CompiledCollection } from "./compiled";
import { COMPILED_FORMAT_VERSION } from "./compiled";
import { Engine } from "./engine";
import type { AssetLoader } from "./store/asset-loader";
import { BundledStore, BundledTerms } from "./store/bundled";
import { BundledRelated, ShardedRelated } from "./store/related-source";
import { isShardedHead, SHARD_FORMAT_VERSION, type ShardedHead } from "./store/shard-layout";
import { ShardedStore } from "./store/sharded-records";
import { ShardedTerms } from "./store/sharded-terms";
import type { Collection } from "./types";

export interface OpenOptions {
  /**
   * How a sharded collection reads its asset files: path in, parsed JSON out, rejecting with
   * `AssetUnavailableError`. Bind it once (per isolate, in the Worker); a bundled collection never calls it.
   */
  load?: AssetLoader;
}

/**
 * Opens a compiled collection. A bundled one is hydrated now (its FlexSearch indexes rebuilt from
 * the export), which is why the Worker calls this at module scope; a sharded one reads only its
 * head now and fetches the rest through `options.load` as requests need it.
 * Throws, telling the user to rebuild, on a format this engine does not read.
 */
export function openCollection(compiled: CompiledCollection | ShardedHead, options: OpenOptions = {}): Collection {
  if (isShardedHead(compiled)) {
    if (compiled.shardFormatVersion !== SHARD_FORMAT_VERSION || compiled.formatVersion !== COMPILED_FORMAT_VERSION) {
      throw new Error(
        `pqsearch: sharded collection has format ${compiled.shardFormatVersion}/${compiled.formatVersion}, this engine reads ${SHARD_FORMAT_VERSION}/${COMPILED_FORMAT_VERSION}; rebuild with npm run build`,
      );
    }
    const { load } = options;
    if (!load) throw new Error("pqsearch: a sharded collection needs options.load to read its asset files");
    return new Engine(
      compiled,
      "sharded",
      new ShardedStore(compiled, load),
      new ShardedTerms(compiled, load),
      new ShardedRelated(compiled, load),
    );
  }
  if (compiled.formatVersion !== COMPILED_FORMAT_VERSION) {
    throw new Error(
      `pqsearch: compiled collection has format ${compiled.formatVersion}, this engine reads ${COMPILED_FORMAT_VERSION}; rebuild with npm run build`,
    );
  }
  return new Engine(
    compiled,
    "bundled",
    new BundledStore(compiled.records),
    new BundledTerms(compiled),
    new BundledRelated(compiled.related),
  );
}

export type { CompiledCollection } from "./compiled";
/** Building blocks for white-box tests; not the API (see internals.ts). */
export * as internals from "./internals";
export { type AssetLoader, AssetUnavailableError } from "./store/asset-loader";
export { isShardedHead, type ShardedHead } from "./store/shard-layout";
export type * from "./types";
export { UnknownRecordError } from "./unknown-record";
