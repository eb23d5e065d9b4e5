/**
 * The widget's UI strings. `lang` picks a built-in set (English or Welsh); a `labels` attribute
 * holding JSON overrides any of them. `{n}` stands for a number of results, `{shown}` for how many
 * are listed, `{s}` for seconds.
 */

export interface Labels {
  label: string;
  placeholder: string;
  submit: string;
  listbox: string;
  result: string;
  results: string;
  noResults: string;
  error: string;
  answered: string;
  unanswered: string;
  /** The list's header and announcement when it holds fewer than all the results. */
  shown: string;
  /** The last option, and Enter with none chosen: the service's own results page. */
  seeAll: string;
  /** After the count when the first results match only some of the words typed. */
  partial: string;
  loading: string;
  rateLimited: string;
  offline: string;
  dropped: string;
  retry: string;
}

const en: Labels = {
  label: "Search parliamentary questions",
  placeholder: "Search questions…",
  submit: "Search",
  listbox: "Matching questions",
  result: "1 result",
  results: "{n} results",
  noResults: "No results",
  error: "Search is unavailable, please try again",
  answered: "Answered",
  unanswered: "Awaiting answer",
  shown: "{shown} of {n} results",
  seeAll: "See all {n} results",
  partial: "Showing results that match some of your words",
  loading: "Searching…",
  rateLimited: "Too many searches for now; trying again in {s} seconds",
  offline: "You are offline; the search will run when you reconnect",
  dropped: "The connection to the search service was lost",
  retry: "Try again",
};

const cy: Labels = {
  label: "Chwilio cwestiynau seneddol",
  placeholder: "Chwilio cwestiynau…",
  submit: "Chwilio",
  listbox: "Cwestiynau sy'n cyfateb",
  result: "1 canlyniad",
  results: "{n} canlyniad",
  noResults: "Dim canlyniadau",
  error: "Nid yw'r chwiliad ar gael, rhowch gynnig arall arni",
  answered: "Atebwyd",
  unanswered: "Yn aros am ateb",
  shown: "{shown} o {n} canlyniad",
  seeAll: "Gweld pob un o'r {n} canlyniad",
  partial: "Yn dangos canlyniadau sy'n cyfateb i rai o'ch geiriau",
  loading: "Yn chwilio…",
  rateLimited: "Gormod o chwiliadau am y tro; rhoi cynnig arall arni ymhen {s} eiliad",
  offline: "Rydych all-lein; bydd y chwiliad yn rhedeg pan fyddwch yn ailgysylltu",
  dropped: "Collwyd y cysylltiad â'r gwasanaeth chwilio",
  retry: "Rhowch gynnig arall arni",
};

/** Labels for `lang` (its primary subtag), with overrides from `labelsJson` where they are strings. */
export function resolveLabels(lang: string, labelsJson: string | null): Labels {
  const labels = { ...(lang.toLowerCase().split("-")[0] === "cy" ? cy : en) };
  if (!labelsJson) return labels;
  let overrides: unknown;
  try {
    overrides = JSON.parse(labelsJson);
  } catch {
    console.warn("pq-search: the labels attribute is not JSON; using the built-in labels");
    return labels;
  }
  if (typeof overrides !== "object" || overrides === null) return labels;
  // Only the known keys are read, so a key such as `__proto__` in the JSON changes nothing.
  for (const key of Object.keys(en) as Array<keyof Labels>) {
    const value = Object.hasOwn(overrides, key) ? (overrides as Record<string, unknown>)[key] : undefined;
    if (typeof value === "string") labels[key] = value;
  }
  return labels;
}

export function countLabel(labels: Labels, n: number): string {
  return n === 0 ? labels.noResults : n === 1 ? labels.result : labels.results.replace("{n}", String(n));
}

/** "6 of 7 results" when the list holds fewer than all of them, else the plain count: what is listed. */
export function shownLabel(labels: Labels, shown: number, total: number): string {
  if (shown >= total) return countLabel(labels, total);
  return labels.shown.replace("{shown}", String(shown)).replace("{n}", String(total));
}

/** `template` with `{n}` or `{s}` filled in. */
export function fill(template: string, value: number): string {
  return template.replace(/\{[ns]\}/g, String(value));
}
