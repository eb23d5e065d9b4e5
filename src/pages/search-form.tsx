/**
 * The search box, on every page. A GET form, so each search is a URL. Active filters ride along
 * as hidden fields: typing new words keeps the filters; the filter links remove them. Where
 * results are listed, the form also offers the dates answered (from, to) and the order.
 */
import { queryPairs, type SearchState } from "./search-state";

export interface SearchFormProps {
  state: SearchState;
  /** Where search-as-you-type asks for completions; null when the Worker has no such route. */
  suggestPath: string | null;
  /** Offer dates and sort order (only useful where results are listed). */
  withOptions?: boolean;
}

function Options({ state }: { state: SearchState }) {
  const inUse = state.from !== undefined || state.to !== undefined || state.sort !== "relevance";
  return (
    <details class="options" open={inUse}>
      <summary>Dates and order</summary>
      <fieldset class="dates">
        <legend>Answered between</legend>
        <div class="field">
          <label for="from">From</label>
          <input type="date" id="from" name="from" value={state.from ?? ""} />
        </div>
        <div class="field">
          <label for="to">To</label>
          <input type="date" id="to" name="to" value={state.to ?? ""} />
        </div>
      </fieldset>
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
    </details>
  );
}

export function SearchForm({ state, suggestPath, withOptions = false }: SearchFormProps) {
  // Fields the form itself shows are not carried a second time as hidden ones.
  const shown = withOptions ? { from: undefined, to: undefined } : {};
  const carried = queryPairs({ ...state, ...shown, q: "", sort: "relevance", offset: 0 });
  return (
    <search>
      <form class="search" method="get" action="/" data-suggest={suggestPath ?? undefined}>
        <div class="field query">
          <label for="q">Search questions and answers</label>
          <div class="row">
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
            <button type="submit">Search</button>
          </div>
          <span id="q-hint" class="hint">
            Every word must match. Try a topic, a member's name or a party.
          </span>
        </div>
        {withOptions && <Options state={state} />}
        {carried.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
      </form>
    </search>
  );
}
