/**
 * The requests a fetch sends, built from a source's definition. Parameter names and meanings are
 * the API's own, from its published OpenAPI description ("Written Questions Service API" v1,
 * x-origin https://writtenquestions-api.parliament.uk/swagger/v1/swagger.json, as kept in
 * APIs-guru/openapi-directory at APIs/parliament.uk/writtenquestions/v1/openapi.yaml):
 *
 * - GET /api/writtenquestions/questions: askingMemberId, answeringMemberId, tabledWhenFrom/To,
 *   answered (Any|Answered|Unanswered), answeredWhenFrom/To, questionStatus, includeWithdrawn,
 *   expandMember, correctedWhenFrom/To, searchTerm, uIN, answeringBodies (int array), members
 *   (int array), house (Bicameral|Commons|Lords), skip (default 0), take (default 20); dates
 *   "yyyy-mm-dd"; it answers QuestionsViewModelSearchResult {totalResults, results: [{value, links}]}.
 * - GET /api/writtenquestions/questions/{id}?expandMember=: one QuestionsViewModelItem {value, links}.
 *
 * The date filters are ANDed with the rest, so "tabled, answered or corrected since" is three
 * requests whose results are merged by question id.
 */
import type { CollectionQuery } from "./config";

export const QUESTIONS_PATH = "/api/writtenquestions/questions";

/** One list query, without its paging (`skip`/`take` are added per page). */
export interface ListQuery {
  /** What the query asks for, for messages: `tabled since 2026-11-23`. */
  label: string;
  params: Array<[string, string]>;
}

/** The definition's own filters, in a fixed order so the same definition is the same URL. */
function definitionParams(query: CollectionQuery): Array<[string, string]> {
  const params: Array<[string, string]> = [["expandMember", "true"]];
  if (query.searchTerm) params.push(["searchTerm", query.searchTerm]);
  params.push(["house", query.house]);
  // Arrays repeat the key (answeringBodies=17&answeringBodies=11), as ASP.NET binds them.
  for (const body of query.answeringBodies ?? []) params.push(["answeringBodies", String(body)]);
  if (query.askingMemberId) params.push(["askingMemberId", String(query.askingMemberId)]);
  if (query.answeringMemberId) params.push(["answeringMemberId", String(query.answeringMemberId)]);
  for (const member of query.members ?? []) params.push(["members", String(member)]);
  params.push(["includeWithdrawn", String(query.includeWithdrawn)]);
  return params;
}

function tabledRange(from: string | undefined, to: string | undefined): Array<[string, string]> {
  const range: Array<[string, string]> = [];
  if (from) range.push(["tabledWhenFrom", from]);
  if (to) range.push(["tabledWhenTo", to]);
  return range;
}

/**
 * The list queries for a run: the whole definition when `since` is null, or else what was tabled,
 * answered or corrected on or after `since` (a date, inclusive: the day of the last fetch is asked
 * again, so nothing published later that day is missed).
 */
export function planQueries(query: CollectionQuery, since: string | null): ListQuery[] {
  const base = definitionParams(query);
  const whole = tabledRange(query.tabledWhenFrom, query.tabledWhenTo);
  if (since === null) return [{ label: "the whole definition", params: [...base, ...whole] }];
  const tabledFrom = query.tabledWhenFrom && query.tabledWhenFrom > since ? query.tabledWhenFrom : since;
  const queries: ListQuery[] = [];
  if (!query.tabledWhenTo || query.tabledWhenTo >= tabledFrom)
    queries.push({ label: `tabled since ${since}`, params: [...base, ...tabledRange(tabledFrom, query.tabledWhenTo)] });
  queries.push({ label: `answered since ${since}`, params: [...base, ...whole, ["answeredWhenFrom", since]] });
  queries.push({ label: `corrected since ${since}`, params: [...base, ...whole, ["correctedWhenFrom", since]] });
  return queries;
}

/** A page of a list query as a path and query string. */
export function pagePath(query: ListQuery, skip: number, take: number): string {
  const search = new URLSearchParams([...query.params, ["skip", String(skip)], ["take", String(take)]]);
  return `${QUESTIONS_PATH}?${search}`;
}

/** The single-question endpoint, which answers the full (HTML) texts the list endpoint cuts. */
export function questionPath(apiId: number): string {
  return `${QUESTIONS_PATH}/${apiId}?expandMember=true`;
}
