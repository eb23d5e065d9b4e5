/** The 404 page for people: says what was not found and offers the search box and a way home. */
import { Layout, SITE_NAME } from "./layout";
import { SearchForm } from "./search-form";
import { EMPTY_STATE } from "./search-state";

export function NotFoundPage({ detail, suggestPath }: { detail: string; suggestPath: string | null }) {
  return (
    <Layout title={`Page not found · ${SITE_NAME}`} description="There is no page at this address.">
      <h1>Page not found</h1>
      <p>{detail}</p>
      <p>
        If you followed a link, it may be mistyped. Search the questions below, or <a href="/">browse them all</a>.
      </p>
      <SearchForm state={EMPTY_STATE} suggestPath={suggestPath} />
    </Layout>
  );
}
