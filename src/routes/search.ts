/** `GET /v1/search`: full-text search with filters, facets and highlights. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validationHook } from "../middleware/validation";
import { LIMITS, SearchParams } from "../schema/query";
import { SearchResponse } from "../schema/search";
import { indexUnavailable, invalidQuery, json, notModified, rateLimited } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/search",
  operationId: "search",
  tags: ["search"],
  security: [],
  summary: "Search questions and answers",
  description:
    "Every word must match (in any field). Results are ordered by relevance unless `sort` says otherwise; " +
    "an empty `q` browses. Facet counts cover every match, not just the page.",
  request: { query: SearchParams },
  responses: {
    200: json(SearchResponse, "Matching records, a page of hits and facet counts."),
    304: notModified,
    400: invalidQuery("/v1/search", LIMITS.searchPageSize),
    429: rateLimited("/v1/search"),
    503: indexUnavailable("/v1/search"),
  },
});

export const searchRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
  const params = c.req.valid("query");
  const started = performance.now();
  const result = await served.search(params);
  c.header("Server-Timing", `search;dur=${(performance.now() - started).toFixed(3)}`, { append: true });
  return c.json(
    { total: result.total, limit: params.limit, offset: params.offset, hits: result.hits, facets: result.facets },
    200,
  );
});
