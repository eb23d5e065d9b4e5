/**
 * Facet counts for the filter links, counted the way people read them: each facet's counts ignore
 * that facet's own filter. With "party: Labour" chosen, the party list still shows Conservative
 * with the number a click would add, instead of vanishing to zero. One extra count per facet in use,
 * of every value: a selected value beyond the list's most frequent still shows its count.
 */
import type { SearchRequest, SearchResult } from "../engine";
import { FACET_NAMES, type FacetName, type Facets } from "../schema/facets";

const WITHOUT: Record<FacetName, Partial<SearchRequest>> = {
  house: { house: undefined },
  answered: { answered: undefined },
  party: { party: undefined },
  member: { member: undefined },
  body: { body: undefined },
  heading: { heading: undefined },
  year: { from: undefined, to: undefined },
};

function uses(request: SearchRequest, facet: FacetName): boolean {
  if (facet === "party" || facet === "member" || facet === "body" || facet === "heading")
    return (request[facet]?.length ?? 0) > 0;
  if (facet === "year") return request.from !== undefined || request.to !== undefined;
  return request[facet] !== undefined;
}

export async function facetsIgnoringOwnFilter(
  search: (request: SearchRequest) => Promise<SearchResult>,
  request: SearchRequest,
  result: SearchResult,
): Promise<Facets> {
  const facets = { ...result.facets };
  const used = FACET_NAMES.filter((facet) => uses(request, facet));
  const counted = await Promise.all(
    used.map((facet) => search({ ...request, ...WITHOUT[facet], offset: 0, limit: 0, facetLimit: undefined })),
  );
  used.forEach((facet, at) => {
    facets[facet] = (counted[at] as SearchResult).facets[facet];
  });
  return facets;
}
