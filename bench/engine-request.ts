/** What the bench asks pqsearch: `/v1/search`'s defaults unless a side says otherwise. */
import type { SearchRequest } from "../src/engine";
import { DEFAULT_FACET_LIMIT } from "../src/schema/query";
import type { BenchQuery } from "./queries";

/** Ten hits, marked, and each facet's ten most matched values, as `/v1/search` answers by default. */
export function engineRequest(query: BenchQuery, facetLimit = DEFAULT_FACET_LIMIT): SearchRequest {
  return { q: query.q, sort: "relevance", limit: 10, offset: 0, facetLimit, answered: undefined, ...query.filters };
}

/** The ways the bench asks pqsearch (engine-host.ts's sides, `npm run bench:ab`'s `--sides`). */
export const PQSEARCH_SIDES = ["engine", "bare", "marked"] as const;
export type PqsearchSide = (typeof PQSEARCH_SIDES)[number];

/**
 * A side's request: `engine` the default search (ten hits marked, each facet's ten most matched
 * values); `bare` like for like with MiniSearch (no facets, no marking: `highlight=false`);
 * `marked` no facets but marked and snippeted, against MiniSearch rendering snippets.
 */
export function sideRequest(query: BenchQuery, side: PqsearchSide): SearchRequest {
  if (side === "bare") return { ...engineRequest(query, 0), highlight: false };
  return side === "marked" ? engineRequest(query, 0) : engineRequest(query);
}
