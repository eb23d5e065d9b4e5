/**
 * The search box, on every page. A GET form, so each search is a URL. Active filters ride along
 * as hidden fields: typing new words keeps the filters; the filter links remove them.
 */
import { queryPairs, type SearchState } from "./search-state";

export interface SearchFormProps {
  state: SearchState;
  /** Where search-as-you-type asks for completions; null when the Worker has no such route. */
  suggestPath: string | null;
  /** Show the sort control (only useful where results are listed). */
  withSort?: boolean;
}

export function SearchForm({ state, suggestPath, withSort = false }: SearchFormProps) {
  const carried = queryPairs({ ...state, q: "", sort: "relevance", offset: 0 });
  return (
    <search>
      <form class="search" method="get" action="/" data-suggest={suggestPath ?? undefined}>
        <div class="field">
          <label for="q">Search questions and answers</label>
          <input
            type="search"
            id="q"
            name="q"
            value={state.q}
            maxlength={500}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="q-hint"
          />
          <span id="q-hint" class="visually-hidden">
            Every word must match. Try a topic, a member's name or a party.
          </span>
        </div>
        {withSort && (
          <div class="field sort">
            <label for="sort">Sort by</label>
            <select id="sort" name="sort">
              <option value="relevance" selected={state.sort === "relevance"}>
                Best match
              </option>
              <option value="newest" selected={state.sort === "newest"}>
                Newest answers first
              </option>
              <option value="oldest" selected={state.sort === "oldest"}>
                Oldest answers first
              </option>
            </select>
          </div>
        )}
        {carried.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
