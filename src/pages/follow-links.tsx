/**
 * What a results page offers beyond itself: "Follow this search" (its Atom feed, for a feed
 * reader) and "Download these results" (every match as CSV or NDJSON, not only this page). Plain
 * links carrying the search's words and filters, so they work without JavaScript.
 */
import { type SearchQuery, withSearch } from "./search-query";

/** The feed of a search: words and filters; a feed is always newest first. */
export function feedHref(search: SearchQuery): string {
  return withSearch("/feed.atom", { ...search, sort: undefined });
}

/** Every match of a search, in the page's order, in `format`. */
export function exportHref(search: SearchQuery, format: "csv" | "ndjson"): string {
  return withSearch("/v1/export", search, [["format", format]]);
}

export function FollowLinks({ search, total }: { search: SearchQuery; total: number }) {
  return (
    <p class="follow no-print">
      <a href={feedHref(search)} type="application/atom+xml">
        Follow this search
      </a>{" "}
      (Atom feed of the newest answers)
      {total > 0 && (
        <>
          {" · "}
          <a href={exportHref(search, "csv")} download>
            Download these results
          </a>{" "}
          (all {total}, CSV for spreadsheets, or <a href={exportHref(search, "ndjson")}>NDJSON</a>)
        </>
      )}
    </p>
  );
}
