/**
 * The engine's public types: a collection, what it is asked and what it answers. Requests and
 * results are API concepts, so each is derived from the API's zod schema: the engine, the routes,
 * the OpenAPI document and the tests cannot drift apart.
 */
import type { Meta } from "../schema/meta";
import type { RecordsParams, SearchParams } from "../schema/query";
import type { QuestionRecord } from "../schema/record";
import type { RecordsResponse, SearchResponse } from "../schema/search";
import type { Suggestion, SuggestParams } from "../schema/suggest";

/**
 * Words (empty browses), filters, order and page: `/v1/search`'s parameters, validated. `match`
 * may be left out by callers outside the API (benchmarks, tests): the API's default, `any`, applies.
 */
export type SearchRequest = Omit<SearchParams, "match"> & Partial<Pick<SearchParams, "match">>;

/** Matches in all, a page of hits, and facet counts over every match. */
export type SearchResult = Omit<SearchResponse, "limit" | "offset">;

/** Filters and page: `/v1/records`' parameters, validated. */
export type ListRequest = RecordsParams;

/** Records passing the filters in all, and a page of them in source order. */
export type ListResult = Omit<RecordsResponse, "limit" | "offset">;

/** What has been typed so far and how many completions to offer: `/v1/suggest`'s parameters. */
export type SuggestRequest = SuggestParams;

export type { Facets } from "../schema/facets";
export type { Filters, Sort } from "../schema/query";
export type { QuestionRecord } from "../schema/record";
export type { Hit, MarkedText } from "../schema/search";
export type { Suggestion } from "../schema/suggest";

/**
 * A searchable collection, bundled or sharded: the same answers either way. Every method is
 * asynchronous because a sharded collection may fetch before it answers; a bundled one never does.
 */
export interface Collection {
  readonly meta: Meta;
  /** `bundled`: all in memory; `sharded`: indexes and records fetched from static assets on demand. */
  readonly layout: "bundled" | "sharded";

  /**
   * Records matching every word (in any field) and the filters, `total` and facet counts over all
   * of them, and the requested page of hits with the matched words marked.
   * @example await collection.search({ q: "human rights", sort: "relevance", limit: 10, offset: 0 })
   */
  search(request: SearchRequest): Promise<SearchResult>;

  /**
   * Records passing the filters, in source order.
   * @example await collection.list({ house: "Lords", limit: 20, offset: 0 })
   */
  list(request: ListRequest): Promise<ListResult>;

  /** The record with this id, or undefined. */
  record(id: string): Promise<QuestionRecord | undefined>;

  /**
   * Completions of the last word typed: asking members whose name it begins, then words of the
   * collection; empty once `q` ends with a space.
   * @example await collection.suggest({ q: "inqu", limit: 8 })
   */
  suggest(request: SuggestRequest): Promise<Suggestion[]>;

  /**
   * The index keys a search for `q` looks up — its words' stems, their completions or corrections,
   * synonym group keys and phrase pair keys — which a sharded collection fetches postings for.
   * For tests and diagnostics.
   */
  plannedKeys(q: string): Promise<string[]>;
}
