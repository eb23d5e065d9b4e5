/**
 * What a `<pq-search>` element's attributes ask for: numbers within bounds, its language, and
 * the service URLs it uses (search API, results page, record pages) with the partner's presets.
 */

/** Where the script was loaded from: the default endpoint. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

export function numberAttribute(host: Element, name: string, fallback: number, min: number, max: number): number {
  const value = Number.parseInt(host.getAttribute(name) ?? "", 10);
  return Number.isNaN(value) ? fallback : Math.min(max, Math.max(min, value));
}

/** The element's own `lang`, else the nearest ancestor's, as the host page set it. */
export function localeOf(host: Element): string {
  return host.getAttribute("lang") || host.closest("[lang]")?.getAttribute("lang") || "en";
}

function endpointOf(host: Element): string {
  return (host.getAttribute("endpoint") || SCRIPT_ORIGIN).replace(/\/+$/, "");
}

/**
 * `path` on the service with the query and the partner's preset filters (and, for the API, a limit
 * and no facets: the widget shows none, so none are counted or sent).
 */
export function serviceUrl(host: Element, path: string, query: string, limit?: number): string {
  const url = new URL(`${endpointOf(host)}${path}`);
  url.searchParams.set("q", query);
  if (limit) {
    url.searchParams.set("limit", String(limit));
    url.searchParams.set("facetLimit", "0");
  }
  const house = host.getAttribute("house");
  if (house) url.searchParams.set("house", house);
  for (const party of (host.getAttribute("party") ?? "").split("|")) {
    if (party.trim()) url.searchParams.append("party", party.trim());
  }
  const answered = host.getAttribute("answered");
  if (answered === "true" || answered === "false") url.searchParams.set("answered", answered);
  return url.href;
}

/** The record's page on the service, or the partner's `record-url` with `{id}` filled in; http(s) only. */
export function recordUrl(host: Element, id: string): string {
  const template = host.getAttribute("record-url");
  const fallback = `${endpointOf(host)}/records/${encodeURIComponent(id)}`;
  if (!template) return fallback;
  const url = new URL(template.replaceAll("{id}", encodeURIComponent(id)), document.baseURI);
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : fallback;
}
