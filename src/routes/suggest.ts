/** `GET /v1/suggest`: completions (member names, then words) for a search box, as the user types. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validationHook } from "../middleware/validation";
import { SuggestParams, SuggestResponse } from "../schema/suggest";
import { json, notModified, problem } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/suggest",
  summary: "Suggest completions",
  description:
    "Completes the last word of `q`: asking members whose name it begins (most questions first), then words " +
    "from the records that start with it (most widely used first). Empty once `q` ends with a space.",
  request: { query: SuggestParams },
  responses: {
    200: json(SuggestResponse, "Completions, most useful first."),
    304: notModified,
    400: problem("A parameter is invalid; `invalidParams` names each."),
  },
});

export const suggestRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
  const request = c.req.valid("query");
  const started = performance.now();
  const suggestions = await served.suggest(request);
  c.header("Server-Timing", `suggest;dur=${(performance.now() - started).toFixed(3)}`, { append: true });
  return c.json({ q: request.q, suggestions }, 200);
});
