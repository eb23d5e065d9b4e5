/**
 * The limits a request must stay within (OWASP API4: a request can ask for only so much work);
 * each over-limit request is a 400 naming the limit. Apart from the schemas (query.ts), so the
 * pages can read them without loading zod.
 */
export const LIMITS = {
  /** Bytes of `q` in UTF-8. */
  queryBytes: 512,
  /** Words in `q`, counted as the search will split them. */
  queryTerms: 20,
  /** Values of one repeatable parameter (`party`, `member`). */
  repeatedValues: 20,
  /** Characters of one value of a repeatable parameter. */
  valueChars: 200,
  searchPageSize: 50,
  recordsPageSize: 100,
  /** How deep paging may reach: `offset + limit`. Deeper results are better reached by filters. */
  pageDepth: 1000,
  /** Values per facet a search may return (`facetLimit`); `/v1/meta` lists every value. */
  facetValues: 1000,
} as const;

/** Values per facet a search returns unless `facetLimit` says otherwise, as Algolia's `maxValuesPerFacet`. */
export const DEFAULT_FACET_LIMIT = 10;

/** Answer groups one page of `/v1/answer-groups` may list: each lists every question it holds. */
export const ANSWER_GROUPS_PAGE_SIZE = 20;

/** Entries in a feed: the newest matches; a reader polling it sees each new answer long before it drops off. */
export const FEED_ENTRIES = 50;
