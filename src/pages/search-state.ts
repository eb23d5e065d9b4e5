/**
 * What the search page shows, read from its query string, and the links that change it. Every
 * search, filter, sort and page is a plain GET URL, so any view can be shared or bookmarked.
 */
import { z } from "zod";
import { SearchParams } from "../schema/query";

/** Results per page. Fixed, so page URLs stay short and stable. */
export const PAGE_SIZE = 10;

/** The page ignores parameters it does not know (trackers add them) instead of failing. */
export const PageParams = z.object(SearchParams.shape).omit({ limit: true, facetLimit: true });

/** What the page shows: the validated parameters it reads, with the repeatable ones always lists. */
export type SearchState = Pick<
  z.output<typeof PageParams>,
  "q" | "sort" | "house" | "answered" | "from" | "to" | "offset"
> & {
  party: string[];
  member: string[];
};

export const EMPTY_STATE: SearchState = { q: "", sort: "relevance", party: [], member: [], offset: 0 };

export function toState(params: z.output<typeof PageParams>): SearchState {
  return { ...params, q: params.q.trim(), party: params.party ?? [], member: params.member ?? [] };
}

/** The state as query-string pairs, defaults left out, in a fixed order. */
export function queryPairs(state: SearchState): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (state.q) pairs.push(["q", state.q]);
  if (state.house) pairs.push(["house", state.house]);
  for (const party of state.party) pairs.push(["party", party]);
  for (const member of state.member) pairs.push(["member", member]);
  if (state.answered !== undefined) pairs.push(["answered", String(state.answered)]);
  if (state.from) pairs.push(["from", state.from]);
  if (state.to) pairs.push(["to", state.to]);
  if (state.sort !== "relevance") pairs.push(["sort", state.sort]);
  if (state.offset > 0) pairs.push(["offset", String(state.offset)]);
  return pairs;
}

/** A link to the search page showing `state`; `/` when nothing is set. */
export function searchHref(state: SearchState): string {
  const query = new URLSearchParams(queryPairs(state)).toString();
  return query ? `/?${query}` : "/";
}

/** Changing what is shown starts again at the first page. */
export function refine(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, offset: 0, ...change };
}

export function toggle(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** A year filter is the date range covering exactly that calendar year. */
export function yearRange(year: string): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function selectedYear(state: SearchState): string | undefined {
  const year = state.from?.slice(0, 4);
  return year && state.from === `${year}-01-01` && state.to === `${year}-12-31` ? year : undefined;
}

export function hasFilters(state: SearchState): boolean {
  return (
    state.house !== undefined ||
    state.party.length > 0 ||
    state.member.length > 0 ||
    state.answered !== undefined ||
    state.from !== undefined ||
    state.to !== undefined
  );
}

export function withoutFilters(state: SearchState): SearchState {
  return { ...EMPTY_STATE, q: state.q, sort: state.sort };
}
