/**
 * `GET /v1/search`: full-text search with filters, facets and highlights. What it answers is
 * documented in src/openapi/operations.ts, which the build turns into /openapi.json.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validQuery } from "../middleware/validation";

export const searchRoutes = new Hono<AppEnv>().get("/v1/search", validQuery("searchParams"), async (c) => {
  const params = c.req.valid("query");
  const started = performance.now();
  const result = await served.search(params);
  c.header("Server-Timing", `search;dur=${(performance.now() - started).toFixed(3)}`, { append: true });
  return c.json(
    { total: result.total, limit: params.limit, offset: params.offset, hits: result.hits, facets: result.facets },
    200,
  );
});
