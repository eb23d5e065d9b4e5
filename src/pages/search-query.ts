/**
 * A search's words and filters as a query string, every filter `FilterParams` knows in its order:
 * the links that carry a results page's search elsewhere (its feed, its export) and a feed's own
 * id. Built from the validated parameters, so the same search always gives the same URL.
 */
import type { Filters, Sort } from "../schema/query";

/** What a link carries: words, filters, and the order where it matters (an export). */
export type SearchQuery = Filters & { q: string; sort?: Sort };

/** FilterParams' keys in its order, written out so the Worker need not construct the schema to list them. */
const FILTER_NAMES = [
  "house",
  "party",
  "member",
  "answered",
  "from",
  "to",
  "body",
  "heading",
  "uin",
  "tabledFrom",
  "tabledTo",
] as const satisfies ReadonlyArray<keyof Filters>;
// A filter FilterParams gains and this list lacks is a type error here.
const everyFilterListed: Exclude<keyof Filters, (typeof FILTER_NAMES)[number]> extends never ? true : never = true;
void everyFilterListed;

/** The query string (without `?`): `q` first, then filters, then `sort` unless it is the default. */
export function searchQuery(search: SearchQuery, extra: Array<[string, string]> = []): string {
  const pairs: Array<[string, string]> = [];
  if (search.q) pairs.push(["q", search.q]);
  for (const name of FILTER_NAMES) {
    const value = search[name];
    if (value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) pairs.push([name, String(each)]);
  }
  if (search.sort && search.sort !== "relevance") pairs.push(["sort", search.sort]);
  return new URLSearchParams([...pairs, ...extra]).toString();
}

/** `path` with the search's query string, if it has one. */
export function withSearch(path: string, search: SearchQuery, extra: Array<[string, string]> = []): string {
  const query = searchQuery(search, extra);
  return query ? `${path}?${query}` : path;
}
