/**
 * The public pages: `/` (search), `/records/{id}` (one record), the HTML 404, and the static
 * assets they load. Server-rendered with hono/jsx, which escapes every value it prints.
 */
import { type Context, Hono } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import type { SearchRequest } from "../engine";
import { describeIssues } from "../middleware/validation";
import { assetsByPath, IMMUTABLE } from "../pages/assets";
import { facetsIgnoringOwnFilter } from "../pages/facet-counts";
import { NotFoundPage } from "../pages/not-found-page";
import { RecordPage } from "../pages/record-page";
import { SearchPage } from "../pages/search-page";
import { EMPTY_STATE, PAGE_SIZE, PageParams, toState } from "../pages/search-state";
import { RecordId } from "../schema/primitives";

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
  return renderPage(c, <NotFoundPage detail={detail} suggestPath={SUGGEST_PATH} />, 404);
}

/** The query string as zod sees it: repeated names become lists; keys from users go in a null-prototype object. */
function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

export function pageRoutes() {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const url = new URL(c.req.url);
      const parsed = PageParams.safeParse(queryObject(url));
      const common = { meta: served.meta, origin: url.origin, suggestPath: SUGGEST_PATH };
      if (!parsed.success) {
        const errors = describeIssues(c, parsed.error);
        const page = (
          <SearchPage
            {...common}
            state={{ ...EMPTY_STATE, q: url.searchParams.get("q")?.trim() ?? "" }}
            result={null}
            errors={errors}
          />
        );
        return renderPage(c, page, 400);
      }
      const state = toState(parsed.data);
      const request = { ...parsed.data, q: state.q, limit: PAGE_SIZE };
      const search = (wanted: SearchRequest) => served.search(wanted);
      const found = await search(request);
      const result = { ...found, facets: await facetsIgnoringOwnFilter(search, request, found) };
      const page = <SearchPage {...common} state={state} result={result} errors={[]} />;
      return renderPage(c, page, 200);
    })
    .get("/records/:id", async (c) => {
      const id = c.req.param("id");
      const record = RecordId.safeParse(id).success ? await served.record(id) : undefined;
      if (!record) {
        const shown = id.length > 70 ? `${id.slice(0, 67)}...` : id;
        return htmlNotFound(c, `No question has the id “${shown}”.`);
      }
      const origin = new URL(c.req.url).origin;
      return renderPage(c, <RecordPage record={record} origin={origin} suggestPath={SUGGEST_PATH} />, 200);
    })
    .get("/assets/:file", (c, next) => {
      const asset = assetsByPath.get(new URL(c.req.url).pathname);
      if (!asset) return next();
      return c.body(asset.body, 200, { "Content-Type": asset.contentType, "Cache-Control": IMMUTABLE });
    });
}
