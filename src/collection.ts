/**
 * The collection this Worker serves. A bundled collection is hydrated once per isolate at module
 * scope: start-up work runs while Cloudflare sets up the connection (and counts against the 1 s
 * start-up limit, not a request's CPU), so the first visitor does not pay for it. This only works
 * because every FlexSearch encoder is built with `cache: false`: Workers forbid timers at global
 * scope. A sharded collection (too big for one script) hydrates only its head here and fetches
 * indexes and records from static assets on demand (engine/shards.ts).
 */
import { SearchEngine } from "./engine/engine";
import { isShardedHead } from "./engine/shard-layout";
import { type AssetLoader, AssetUnavailableError, ShardedCollection } from "./engine/shards";
import type { Suggestion } from "./engine/suggest";
import collection, { buildId } from "./generated/collection.js";
import type { Filters } from "./schema/query";

/** The engine's API, asynchronous because a sharded collection may fetch before it answers. */
export interface ServedCollection {
  readonly meta: SearchEngine["meta"];
  readonly layout: "bundled" | "sharded";
  search(request: Parameters<SearchEngine["search"]>[0], assets: Fetcher): Promise<ReturnType<SearchEngine["search"]>>;
  list(filters: Filters, limit: number, offset: number, assets: Fetcher): Promise<ReturnType<SearchEngine["list"]>>;
  record(id: string, assets: Fetcher): Promise<ReturnType<SearchEngine["record"]>>;
  suggest(q: string, limit: number, assets: Fetcher): Promise<Suggestion[]>;
}

/** Reads a build's asset file through the ASSETS binding (the host part is ignored). */
export function assetLoader(assets: Fetcher): AssetLoader {
  return async (path) => {
    let response: Response;
    try {
      response = await assets.fetch(new Request(`https://assets.invalid/${path}`));
    } catch (error) {
      throw new AssetUnavailableError(`pqsearch: static asset ${path} could not be fetched`, { cause: error });
    }
    if (!response.ok)
      throw new AssetUnavailableError(`pqsearch: static asset ${path} answered ${response.status}; redeploy the build`);
    try {
      return await response.json();
    } catch (error) {
      throw new AssetUnavailableError(`pqsearch: static asset ${path} is not the JSON the build wrote`, {
        cause: error,
      });
    }
  };
}

function bundled(engine: SearchEngine): ServedCollection {
  return {
    meta: engine.meta,
    layout: "bundled",
    search: async (request) => engine.search(request),
    list: async (filters, limit, offset) => engine.list(filters, limit, offset),
    record: async (id) => engine.record(id),
    suggest: async (q, limit) => engine.suggest(q, limit),
  };
}

function sharded(shards: ShardedCollection): ServedCollection {
  return {
    meta: shards.meta,
    layout: "sharded",
    search: (request, assets) => shards.search(request, assetLoader(assets)),
    list: (filters, limit, offset, assets) => shards.list(filters, limit, offset, assetLoader(assets)),
    record: (id, assets) => shards.record(id, assetLoader(assets)),
    suggest: (q, limit, assets) => shards.suggest(q, limit, assetLoader(assets)),
  };
}

const started = performance.now();
export const served: ServedCollection = isShardedHead(collection)
  ? sharded(new ShardedCollection(collection))
  : bundled(new SearchEngine(collection));
/**
 * Milliseconds spent hydrating. Workers stop the clock during synchronous work, so in production
 * and under local workerd (`wrangler dev`) this reads 0; only under Node is it the real figure.
 * `npm run bench` times hydration inside workerd from outside instead (bench/workerd-cold.ts).
 */
export const hydrationMs = performance.now() - started;
export { buildId };
