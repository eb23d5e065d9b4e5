/**
 * The engine's public types: a collection, what it is asked and what it answers. Requests and
 * results are API concepts, so each is derived from the API's zod schema: the engine, the routes,
 * the OpenAPI document and the tests cannot drift apart.
 */
import type { AnswerGroup, AnswerGroupsParams, AnswerGroupsResponse } from "../schema/answer-groups";
import type { Meta } from "../schema/meta";
import type { RecordsParams, SearchParams } from "../schema/query";
import type { QuestionRecord } from "../schema/record";
import type { RelatedQuestion } from "../schema/related";
import type { RecordsResponse, SearchResponse } from "../schema/search";
import type { SuggestParams } from "../schema/suggest";
import type { Suggestion } from "../schema/suggest-response";

/**
 * Words (empty browses), filters, order and page: `/v1/search`'s parameters, validated. `match`
 * may be left out by callers outside the API (benchmarks, tests): the API's default, `any`, applies.
 * Without `facetLimit` the engine counts every facet value, in the collection's order.
 */
export type SearchRequest = Omit<SearchParams, "facetLimit" | "match"> &
  Partial<Pick<SearchParams, "facetLimit" | "match">>;

/** Matches in all, a page of hits, and facet counts over every match. */
export type SearchResult = Omit<SearchResponse, "limit" | "offset">;

/** Filters and page (`cursor`: the id of the record the page continues after): `/v1/records`' parameters, validated. */
export type ListRequest = RecordsParams;

/** Records passing the filters in all, a page of them in source order, and whether more follow it. */
export type ListResult = Omit<RecordsResponse, "limit" | "offset" | "nextCursor"> & { more: boolean };

/** Words, filters and order without a page: every match is wanted (exports, feeds). */
export type SelectRequest = Omit<SearchRequest, "limit" | "offset">;

/** Every match of a search in the requested order, read a slice at a time. */
export interface Selection {
  /** Matches in all. */
  readonly total: number;
  /** The records at positions `start` to `start + count - 1` of the order (fewer past the end). */
  records(start: number, count: number): Promise<QuestionRecord[]>;
}

/** A page of answer groups: `/v1/answer-groups`' parameters, validated. */
export type AnswerGroupsRequest = AnswerGroupsParams;

/** Groups in all, and the page's groups with their records summarised. */
export type AnswerGroupsResult = Omit<AnswerGroupsResponse, "limit" | "offset">;

/** What has been typed so far and how many completions to offer: `/v1/suggest`'s parameters. */
export type SuggestRequest = SuggestParams;

export type { AnswerGroup } from "../schema/answer-groups";
export type { Facets } from "../schema/facets";
export type { Filters, Sort } from "../schema/query";
export type { QuestionRecord } from "../schema/record";
export type { RelatedQuestion } from "../schema/related";
export type { Hit, MarkedText } from "../schema/search";
export type { Suggestion } from "../schema/suggest-response";

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
   * Every match of a search (as `search` finds them), in the requested order, to be read a slice
   * at a time: for exports and feeds, which want more than a page. The order is settled before it
   * resolves; reading a slice fetches only that slice's records.
   * @example const all = await collection.select({ q: "schools", sort: "newest" }); await all.records(0, 100)
   */
  select(request: SelectRequest): Promise<Selection>;

  /**
   * Records passing the filters, in source order; with `cursor` (a record id), those after that
   * record. Rejects with `UnknownRecordError` when the cursor's record is not in the collection.
   * @example await collection.list({ house: "Lords", limit: 20, offset: 0 })
   */
  list(request: ListRequest): Promise<ListResult>;

  /** The record with this id, or undefined. */
  record(id: string): Promise<QuestionRecord | undefined>;

  /**
   * Groups of records given the same answer (word for word, or nearly), largest first, each with
   * its records summarised.
   * @example await collection.answerGroups({ limit: 10, offset: 0 })
   */
  answerGroups(request: AnswerGroupsRequest): Promise<AnswerGroupsResult>;

  /** The answer group with this id, or undefined. */
  answerGroup(id: string): Promise<AnswerGroup | undefined>;

  /** Up to five records whose questions are most like this record's; undefined when no record has this id. */
  related(id: string): Promise<RelatedQuestion[] | undefined>;

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
