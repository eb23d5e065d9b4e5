/**
 * `/`: the collection's title and description, the search form, a page of results with
 * highlighted matches, filter links with counts, sort, pagination and a helpful empty state.
 */
import type { SearchResult } from "../engine";
import type { Meta } from "../schema/meta";
import type { InvalidParam } from "../schema/problem";
import type { Hit } from "../schema/search";
import { ActiveFilters, FacetList } from "./facet-list";
import { longDate, paragraphs, truncate } from "./format";
import { Highlighted } from "./highlighted";
import { Layout, SITE_NAME } from "./layout";
import { SearchForm } from "./search-form";
import { hasFilters, PAGE_SIZE, type SearchState, searchHref, withoutFilters } from "./search-state";

export interface SearchPageProps {
  meta: Meta;
  state: SearchState;
  /** Null when the parameters were invalid and no search ran. */
  result: SearchResult | null;
  errors: InvalidParam[];
  origin: string;
  suggestPath: string | null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function summary(state: SearchState, total: number): string {
  const found = plural(total, "question", "questions");
  if (state.q) return `${found} ${total === 1 ? "matches" : "match"} “${state.q}”`;
  return hasFilters(state) ? `${found} with these filters` : `All ${found}`;
}

function HitItem({ hit }: { hit: Hit }) {
  const member = hit.askingMember;
  const memberDetails = [member.party, member.memberFrom].filter(Boolean).join(", ");
  return (
    <li>
      <h3>
        <a href={`/records/${hit.id}`}>{hit.heading ?? `Question from ${member.name}`}</a>
      </h3>
      <p class="meta">
        {member.name}
        {memberDetails && ` (${memberDetails})`} · House of {hit.house} ·{" "}
        {hit.answered && hit.dateAnswered ? (
          <>
            Answered <time datetime={hit.dateAnswered}>{longDate(hit.dateAnswered)}</time>
          </>
        ) : (
          <span class="badge">Awaiting an answer</span>
        )}
      </p>
      <p class="snippet">
        <Highlighted marked={hit.marked.questionText} />
      </p>
      {hit.marked.answerText && (
        <p class="snippet">
          <strong>Answer: </strong>
          <Highlighted marked={hit.marked.answerText} />
        </p>
      )}
    </li>
  );
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

function Intro({ meta }: { meta: Meta }) {
  const [first, ...rest] = paragraphs(meta.description);
  return (
    <div class="intro">
      {first && <p>{first}</p>}
      {rest.length > 0 && (
        <details>
          <summary>More about this collection</summary>
          {rest.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </details>
      )}
    </div>
  );
}

export function SearchPage({ meta, state, result, errors, origin, suggestPath }: SearchPageProps) {
  const searching = state.q !== "" || hasFilters(state);
  const pageNumber = Math.floor(state.offset / PAGE_SIZE) + 1;
  const title = searching
    ? `${state.q ? `“${truncate(state.q, 60)}”` : "Filtered questions"}${pageNumber > 1 ? `, page ${pageNumber}` : ""} · ${SITE_NAME}`
    : `${truncate(meta.title, 70)} · ${SITE_NAME}`;
  return (
    <Layout
      title={title}
      description={truncate(`${meta.title} Search ${meta.records} questions and answers.`, 300)}
      canonical={`${origin}${searchHref(state)}`}
      openGraph={{ type: "website", title: meta.title, description: truncate(meta.description, 200) }}
    >
      {/* While searching, the collection's title steps back so the results come first on a phone. */}
      <h1 class={searching ? "collection-title quiet" : "collection-title"}>{meta.title}</h1>
      {!searching && <Intro meta={meta} />}
      <SearchForm state={state} suggestPath={suggestPath} withSort />
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
                  <HitItem hit={hit} />
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
