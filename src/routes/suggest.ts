/** `GET /v1/suggest`: completions (member names, then words) for a search box, as the user types. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validationHook } from "../middleware/validation";
import { SUGGEST_LIMIT, SuggestParams, SuggestResponse } from "../schema/suggest";
import { indexUnavailable, invalidQuery, json, notModified, rateLimited } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/suggest",
  operationId: "suggest",
  tags: ["search"],
  security: [],
  summary: "Suggest completions",
  description:
    "Completes the last word of `q`: asking members whose name it begins (most questions first), then words " +
    "from the records that start with it (most widely used first). Empty once `q` ends with a space.",
  request: { query: SuggestParams },
  responses: {
    200: json(SuggestResponse, "Completions, most useful first."),
    304: notModified,
    400: invalidQuery("/v1/suggest", SUGGEST_LIMIT),
    429: rateLimited("/v1/suggest"),
    503: indexUnavailable("/v1/suggest"),
  },
});

export const suggestRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
  const request = c.req.valid("query");
  const started = performance.now();
  const suggestions = await served.suggest(request);
  c.header("Server-Timing", `suggest;dur=${(performance.now() - started).toFixed(3)}`, { append: true });
  return c.json({ q: request.q, suggestions }, 200);
});
