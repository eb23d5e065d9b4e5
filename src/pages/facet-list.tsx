/**
 * The filter links beside the results: for each facet, its values with how many matches carry
 * each. Following a link adds that filter; following a selected one removes it.
 */
import type { Facets } from "../schema/facets";
import { longDate } from "./format";
import { refine, type SearchState, searchHref, selectedYear, toggle, yearRange } from "./search-state";

/** Long facets (members) show their most frequent values; a selected value always shows. */
export const MAX_VALUES = 12;

interface FacetView {
  key: string;
  heading: string;
  counts: Record<string, number>;
  label(value: string): string;
  selected(value: string): boolean;
  /** The state after following this value's link. */
  next(value: string): SearchState;
}

function facetViews(state: SearchState, facets: Facets): FacetView[] {
  const year = selectedYear(state);
  return [
    {
      key: "house",
      heading: "House",
      counts: facets.house,
      label: (value) => (value === "Lords" ? "House of Lords" : "House of Commons"),
      selected: (value) => state.house === value,
      next: (value) => refine(state, { house: state.house === value ? undefined : (value as SearchState["house"]) }),
    },
    {
      key: "answered",
      heading: "Status",
      counts: facets.answered,
      label: (value) => (value === "true" ? "Answered" : "Awaiting an answer"),
      selected: (value) => String(state.answered) === value,
      next: (value) => refine(state, { answered: String(state.answered) === value ? undefined : value === "true" }),
    },
    {
      key: "party",
      heading: "Party of the asking member",
      counts: facets.party,
      label: (value) => value,
      selected: (value) => state.party.includes(value),
      next: (value) => refine(state, { party: toggle(state.party, value) }),
    },
    {
      key: "member",
      heading: "Asked by",
      counts: facets.member,
      label: (value) => value,
      selected: (value) => state.member.includes(value),
      next: (value) => refine(state, { member: toggle(state.member, value) }),
    },
    {
      key: "year",
      heading: "Year answered",
      counts: facets.year,
      label: (value) => value,
      selected: (value) => year === value,
      next: (value) => refine(state, year === value ? { from: undefined, to: undefined } : yearRange(value)),
    },
  ];
}

/** Values by count (most first), then by label; selected values are kept even when over the cap. */
function shownValues(view: FacetView, selectedValues: string[]): string[] {
  const counts = new Map(Object.entries(view.counts));
  for (const value of selectedValues) if (!counts.has(value)) counts.set(value, 0);
  const ordered = [...counts.keys()].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || view.label(a).localeCompare(view.label(b)),
  );
  const top = ordered.slice(0, MAX_VALUES);
  for (const value of ordered.slice(MAX_VALUES)) if (view.selected(value)) top.push(value);
  return top;
}

function selectedOf(key: string, state: SearchState): string[] {
  if (key === "house") return state.house ? [state.house] : [];
  if (key === "answered") return state.answered === undefined ? [] : [String(state.answered)];
  if (key === "party") return state.party;
  if (key === "member") return state.member;
  const year = selectedYear(state);
  return year ? [year] : [];
}

export function FacetList({ state, facets }: { state: SearchState; facets: Facets }) {
  return (
    <nav class="facets" id="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">Filter results</h2>
      {facetViews(state, facets).map((view) => {
        const values = shownValues(view, selectedOf(view.key, state));
        if (values.length === 0) return null;
        return (
          <>
            <h3 id={`facet-${view.key}`}>{view.heading}</h3>
            <ul aria-labelledby={`facet-${view.key}`}>
              {values.map((value) => {
                const selected = view.selected(value);
                return (
                  <li>
                    <a href={searchHref(view.next(value))} aria-current={selected ? "true" : undefined}>
                      {selected && <span aria-hidden="true">✓ </span>}
                      {view.label(value)}
                      <span class="count"> ({view.counts[value] ?? 0})</span>
                      {selected && <span class="visually-hidden">, selected: follow to remove this filter</span>}
                    </a>
                  </li>
                );
              })}
            </ul>
          </>
        );
      })}
    </nav>
  );
}

/** The filters in force, each a link that removes it. */
export function ActiveFilters({ state }: { state: SearchState }) {
  const year = selectedYear(state);
  const chips: Array<{ label: string; next: SearchState }> = [];
  if (state.house) chips.push({ label: `House of ${state.house}`, next: refine(state, { house: undefined }) });
  if (state.answered !== undefined) {
    chips.push({
      label: state.answered ? "Answered" : "Awaiting an answer",
      next: refine(state, { answered: undefined }),
    });
  }
  for (const party of state.party)
    chips.push({ label: party, next: refine(state, { party: toggle(state.party, party) }) });
  for (const member of state.member) {
    chips.push({ label: member, next: refine(state, { member: toggle(state.member, member) }) });
  }
  if (year) chips.push({ label: `Answered in ${year}`, next: refine(state, { from: undefined, to: undefined }) });
  else {
    if (state.from)
      chips.push({ label: `Answered from ${longDate(state.from)}`, next: refine(state, { from: undefined }) });
    if (state.to) chips.push({ label: `Answered up to ${longDate(state.to)}`, next: refine(state, { to: undefined }) });
  }
  if (chips.length === 0) return null;
  return (
    <ul class="active" aria-label="Filters in use">
      {chips.map((chip) => (
        <li>
          <a href={searchHref(chip.next)}>
            <span class="visually-hidden">Remove filter: </span>
            {chip.label} <span aria-hidden="true">✕</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
