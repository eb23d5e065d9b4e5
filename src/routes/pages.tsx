/**
 * The public pages: `/` (search), `/records/{id}` (one record), `/about`, the HTML 404, and the
 * static assets they load. Server-rendered with hono/jsx, which escapes every value it prints.
 */
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { echoed } from "../echoed";
import type { SearchRequest } from "../engine";
import { queryObject } from "../middleware/canonical-query";
import { checkRequest, describeIssues, isValidRequest } from "../middleware/validation";
import { AboutPage } from "../pages/about-page";
import { assetsByPath, IMMUTABLE } from "../pages/assets";
import { facetsIgnoringOwnFilter } from "../pages/facet-counts";
import { MAX_VALUES } from "../pages/facet-list";
import { NotFoundPage } from "../pages/not-found-page";
import { RecordPage } from "../pages/record-page";
import { SearchPage } from "../pages/search-page";
import { EMPTY_STATE, PAGE_SIZE, toState } from "../pages/search-state";
import { LIMITS } from "../schema/limits";
import { staticAssetText } from "../static-asset";
import { siteOf } from "./site-context";

/** Where the pages' search-as-you-type asks for completions (routes/suggest.ts). */
const SUGGEST_PATH = "/v1/suggest";

/** Renders a page and reports the render time in `Server-Timing`. */
async function renderPage(c: Context<AppEnv>, page: JSX.Element, status: 200 | 400 | 404): Promise<Response> {
  const started = performance.now();
  const html = await page.toString();
  c.header("Server-Timing", `render;dur=${(performance.now() - started).toFixed(3)}`, { append: true });
  if (status !== 200) c.header("Cache-Control", "no-store");
  return c.html(html, status);
}

/** A 404 page for people; the JSON API keeps its problem+json 404s. */
export function htmlNotFound(c: Context<AppEnv>, detail: string): Promise<Response> {
  return renderPage(c, <NotFoundPage site={siteOf(c)} detail={detail} suggestPath={SUGGEST_PATH} />, 404);
}

export function pageRoutes() {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const url = new URL(c.req.url);
      const parsed = await checkRequest("pageParams", queryObject(url, { dropEmpty: true }));
      const common = { site: siteOf(c), meta: served.meta, suggestPath: SUGGEST_PATH };
      if (!parsed.success) {
        const errors = describeIssues(c, parsed.error);
        const page = (
          <SearchPage
            {...common}
            // The refused query goes back into the form to be edited, but no longer than a query may be.
            state={{ ...EMPTY_STATE, q: echoed(url.searchParams.get("q")?.trim() ?? "", LIMITS.queryBytes) }}
            result={null}
            errors={errors}
          />
        );
        return renderPage(c, page, 400);
      }
      const state = toState(parsed.data);
      // The facet list shows each facet's MAX_VALUES most frequent values: the search returns no more.
      const request = { ...parsed.data, q: state.q, limit: PAGE_SIZE, facetLimit: MAX_VALUES };
      const search = (wanted: SearchRequest) => served.search(wanted);
      const found = await search(request);
      const result = { ...found, facets: await facetsIgnoringOwnFilter(search, request, found) };
      const shown = { ...parsed.data, q: state.q };
      const page = <SearchPage {...common} state={state} result={result} errors={[]} search={shown} />;
      return renderPage(c, page, 200);
    })
    .get("/records/:id", async (c) => {
      const id = c.req.param("id");
      const record = isValidRequest("recordPath", { id }) ? await served.record(id) : undefined;
      if (!record) {
        return htmlNotFound(c, `No question has the id “${echoed(id)}”.`);
      }
      // The record is the page; a sharded collection's group or related file that fails to load
      // leaves its section out rather than failing the page (the API answers 503 for them).
      const [answerGroup, related] = await Promise.all([
        record.answerGroup ? served.answerGroup(record.answerGroup.id).catch(() => null) : null,
        served.related(id).catch(() => []),
      ]);
      const page = (
        <RecordPage
          site={siteOf(c)}
          record={record}
          buildId={served.meta.buildId}
          suggestPath={SUGGEST_PATH}
          answerGroup={answerGroup}
          related={related}
        />
      );
      return renderPage(c, page, 200);
    })
    .get("/about", (c) => renderPage(c, <AboutPage site={siteOf(c)} meta={served.meta} />, 200))
    .get("/assets/:file", async (c, next) => {
      const asset = assetsByPath.get(new URL(c.req.url).pathname);
      if (!asset) return next();
      const body = await staticAssetText(c.env.ASSETS, asset.file);
      return c.body(body, 200, { "Content-Type": asset.contentType, "Cache-Control": IMMUTABLE });
    });
}
