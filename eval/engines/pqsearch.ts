/**
 * pqsearch as the harness sees it. The only file in eval/ that knows the engine's API, so moving
 * to the engine's new public entry point is a change here alone.
 */
import type { CompiledCollection } from "../../src/engine/compiled";
import { SearchEngine } from "../../src/engine/engine";
import type { EngineFactory } from "./ranking-engine";

/** The engine itself, for the callers that drive it directly (seed tests, latency). */
export const pqsearchEngine = (collection: CompiledCollection): SearchEngine => new SearchEngine(collection);

export const pqsearch: EngineFactory = (collection) => {
  const engine = pqsearchEngine(collection);
  return {
    name: "pqsearch",
    search(q, filters, limit) {
      const { hits, total } = engine.search({
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
