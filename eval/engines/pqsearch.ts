/**
 * pqsearch as the harness sees it, through the engine's public entry point. The only file in
 * eval/ that knows the engine's API.
 */
import { type Collection, type CompiledCollection, openCollection } from "../../src/engine";
import type { EngineFactory } from "./ranking-engine";

/** The engine itself, for the callers that drive it directly (seed tests, latency). */
export const pqsearchEngine = (collection: CompiledCollection): Collection => openCollection(collection);

export const pqsearch: EngineFactory = (collection) => {
  const engine = pqsearchEngine(collection);
  return {
    name: "pqsearch",
    async search(q, filters, limit) {
      const { hits, total } = await engine.search({
        answered: undefined,
        ...filters,
        q,
        sort: "relevance",
        limit,
        offset: 0,
      });
      return { ids: hits.map((hit) => hit.id), total };
    },
  };
};
