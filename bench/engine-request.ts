/** What the bench asks pqsearch: `/v1/search`'s defaults unless a side says otherwise. */
import type { SearchRequest } from "../src/engine";
import { DEFAULT_FACET_LIMIT } from "../src/schema/query";
import type { BenchQuery } from "./queries";

/** Ten hits, marked, and each facet's ten most matched values, as `/v1/search` answers by default. */
export function engineRequest(query: BenchQuery, facetLimit = DEFAULT_FACET_LIMIT): SearchRequest {
  return { q: query.q, sort: "relevance", limit: 10, offset: 0, facetLimit, answered: undefined, ...query.filters };
}
