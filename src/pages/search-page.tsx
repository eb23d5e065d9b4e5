/**
 * `/`: the collection's short title, the source's own introduction, the search form, a page of
 * results with highlighted matches, filter links with counts, sort, pagination and a helpful
 * empty state.
 */
import type { SearchResult } from "../engine";
import type { Meta } from "../schema/meta";
import type { InvalidParam } from "../schema/problem";
import { ActiveFilters, FacetList } from "./facet-list";
import { FollowLinks, feedHref } from "./follow-links";
import { longDate, paragraphs, truncate } from "./format";
import { Layout } from "./layout";
import { ResultItem } from "./result-item";
import { SearchForm } from "./search-form";
import type { SearchQuery } from "./search-query";
import { hasFilters, PAGE_SIZE, type SearchState, searchHref, withoutFilters } from "./search-state";
import type { Site } from "./site";

export interface SearchPageProps {
  site: Site;
  meta: Meta;
  state: SearchState;
  /** Null when the parameters were invalid and no search ran. */
  result: SearchResult | null;
  errors: InvalidParam[];
  suggestPath: string | null;
  /** The search as run, every filter included, for its feed and export links; else the state's. */
  search?: SearchQuery;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Said above the list when its first results hold only some of the query's words (match=any's fallback). */
export const PARTIAL_NOTICE = "Showing results that match some of your words";

function summary(state: SearchState, total: number): string {
  const found = plural(total, "question", "questions");
  if (state.q) return `${found} ${total === 1 ? "matches" : "match"} “${state.q}”`;
  return hasFilters(state) ? `${found} with these filters` : `All ${found}`;
}

function EmptyState({ state, meta }: { state: SearchState; meta: Meta }) {
  const members = Object.entries(meta.facets.member)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name]) => name);
  return (
    <div class="empty">
      <p>Nothing was found. You could:</p>
      <ul>
        {state.q && (
          <li>check the spelling, or use fewer words: every word must appear in a question or its answer;</li>
        )}
        {hasFilters(state) && (
          <li>
            <a href={searchHref(withoutFilters(state))}>
              {state.q ? `search for “${state.q}” without filters` : "remove the filters"}
            </a>
            ;
          </li>
        )}
        {members.length > 0 && (
          <li>
            look up a member, such as{" "}
            {members.map((name, i) => (
              <>
                {i > 0 && (i === members.length - 1 ? " or " : ", ")}
                <a href={searchHref({ ...withoutFilters(state), q: "", member: [name] })}>{name}</a>
              </>
            ))}
            ;
          </li>
        )}
        <li>
          or <a href="/">browse all {plural(meta.records, "question", "questions")}</a>.
        </li>
      </ul>
    </div>
  );
}

function Pagination({ state, total }: { state: SearchState; total: number }) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const page = Math.floor(state.offset / PAGE_SIZE) + 1;
  const previous = state.offset > 0 ? { ...state, offset: Math.max(0, state.offset - PAGE_SIZE) } : null;
  const next = state.offset + PAGE_SIZE < total ? { ...state, offset: state.offset + PAGE_SIZE } : null;
  return (
    <nav class="pages" aria-label="Pages of results">
      {previous && (
        <a href={searchHref(previous)} rel="prev">
          ← Previous page
        </a>
      )}
      <span aria-current="page">
        Page {Math.min(page, pages)} of {pages}
      </span>
      {next && (
        <a href={searchHref(next)} rel="next">
          Next page →
        </a>
      )}
    </nav>
  );
}

/** The source's own words about the collection, as it wrote them: its first sentence, then the rest on request. */
function Intro({ meta, site }: { meta: Meta; site: Site }) {
  const [first, ...rest] = [meta.title, ...paragraphs(meta.description)].filter((text) => text !== site.title);
  return (
    <div class="intro">
      {first && <p>{first}</p>}
      {meta.refresh && (
        <p class="refreshed">
          {meta.refresh.definedBy.join("; ")}. Last refreshed{" "}
          <time datetime={meta.refresh.refreshedAt}>{longDate(meta.refresh.refreshedAt.slice(0, 10))}</time>.
        </p>
      )}
      <details>
        <summary>More about this collection</summary>
        {rest.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        <p>
          <a href="/about">Where these records come from, and their licence</a>
        </p>
      </details>
    </div>
  );
}

export function SearchPage({ site, meta, state, result, errors, suggestPath, search = state }: SearchPageProps) {
  const searching = state.q !== "" || hasFilters(state);
  const pageNumber = Math.floor(state.offset / PAGE_SIZE) + 1;
  const title = searching
    ? `${state.q ? `“${truncate(state.q, 60)}”` : "Filtered questions"}${pageNumber > 1 ? `, page ${pageNumber}` : ""} · ${site.title}`
    : `${site.title}: search ${meta.records} questions and answers`;
  const description = truncate(
    `${site.title}. Search ${meta.records} written questions and answers. ${meta.title}`,
    160,
  );
  return (
    <Layout
      site={site}
      title={title}
      description={description}
      canonical={`${site.origin}${searchHref(state)}`}
      openGraph={{ type: "website", title: site.title, description }}
      home={!searching}
      feed={result ? { href: `${site.origin}${feedHref(search)}`, title: `Follow this search (Atom)` } : undefined}
    >
      {/* While searching, the header names the collection; the H1 stays for screen readers only. */}
      <h1 class={searching ? "collection-title quiet" : "collection-title"}>{site.title}</h1>
      {!searching && <Intro meta={meta} site={site} />}
      <SearchForm state={state} suggestPath={suggestPath} withOptions />
      {errors.length > 0 && (
        <div class="errors" role="alert">
          <h2>This search could not be run</h2>
          <ul>
            {errors.map((error) => (
              <li>
                <code>{error.name}</code>: {error.reason}
              </li>
            ))}
          </ul>
          <p>
            <a href="/">Start a new search</a>
          </p>
        </div>
      )}
      {result && (
        <div class="layout">
          <section aria-labelledby="results-title">
            <h2 id="results-title" class="status">
              {summary(state, result.total)}
            </h2>
            <ActiveFilters state={state} />
            <FollowLinks search={search} total={result.total} />
            {result.hits[0]?.matchedAll === false && <p class="note">{PARTIAL_NOTICE}</p>}
            {result.total > 0 && (
              <p class="no-print">
                <a href="#filters">Jump to filters</a>
              </p>
            )}
            {result.total === 0 ? (
              <EmptyState state={state} meta={meta} />
            ) : result.hits.length === 0 ? (
              <p class="empty">
                This page is past the last result.{" "}
                <a href={searchHref({ ...state, offset: 0 })}>Go to the first page</a>.
              </p>
            ) : (
              <ol class="results" start={state.offset + 1}>
                {result.hits.map((hit) => (
                  <ResultItem hit={hit} />
                ))}
              </ol>
            )}
            <Pagination state={state} total={result.total} />
          </section>
          {result.total > 0 && <FacetList state={state} facets={result.facets} />}
        </div>
      )}
    </Layout>
  );
}
