/**
 * `GET /v1/suggest`: completions (member names, then words) for a search box, as the user types.
 * Documented in src/openapi/operations.ts.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validQuery } from "../middleware/validation";

export const suggestRoutes = new Hono<AppEnv>().get("/v1/suggest", validQuery("suggestParams"), async (c) => {
  const request = c.req.valid("query");
  const started = performance.now();
  const suggestions = await served.suggest(request);
  c.header("Server-Timing", `suggest;dur=${(performance.now() - started).toFixed(3)}`, { append: true });
  return c.json({ q: request.q, suggestions }, 200);
});
