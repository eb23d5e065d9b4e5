/** The 404 page for people: says what was not found and offers the search box and a way home. */
import { Layout } from "./layout";
import { SearchForm } from "./search-form";
import { EMPTY_STATE } from "./search-state";
import type { Site } from "./site";

export function NotFoundPage({
  site,
  detail,
  suggestPath,
}: {
  site: Site;
  detail: string;
  suggestPath: string | null;
}) {
  return (
    <Layout site={site} title={`Page not found · ${site.title}`} description="There is no page at this address.">
      <h1>Page not found</h1>
      <p>{detail}</p>
      <p>
        If you followed a link, it may be mistyped. Search the questions below, or <a href="/">browse them all</a>.
      </p>
      <SearchForm state={EMPTY_STATE} suggestPath={suggestPath} />
    </Layout>
  );
}
