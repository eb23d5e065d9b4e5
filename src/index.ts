/** The Worker: assembles middleware and routes. Behaviour lives in routes/, middleware/ and engine/. */
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import { methodNotAllowed } from "hono/method-not-allowed";
import { Hono } from "hono/tiny";
import type { AppEnv } from "./app-env";
import { buildId, hydrationMs } from "./collection";
import { echoed } from "./echoed";
import { AssetUnavailableError } from "./engine";
import { conditionalCache } from "./middleware/cache";
import { canonicalQueryString } from "./middleware/canonical-query";
import { apiCors } from "./middleware/cors";
import { rateLimit } from "./middleware/rate-limit";
import { securityHeaders } from "./middleware/security-headers";
import { serverTiming } from "./middleware/server-timing";
import { nothingAt, ProblemError, problemResponse } from "./problem-error";
import { answerGroupRoutes } from "./routes/answer-groups";
import { embedPageRoutes } from "./routes/embed-page";
import { embedScriptRoutes } from "./routes/embed-script";
import { exportRoutes } from "./routes/export";
import { feedRoutes } from "./routes/feed";
import { metaRoutes } from "./routes/meta";
import { openApiRoutes } from "./routes/openapi";
import { htmlNotFound, pageRoutes } from "./routes/pages";
import { recordResearchRoutes } from "./routes/record-research";
import { recordRoutes } from "./routes/records";
import { rootRoutes } from "./routes/root";
import { searchRoutes } from "./routes/search";
import { suggestRoutes } from "./routes/suggest";

const app = new Hono<AppEnv>();

/** People get an HTML 404; programs (and anything under the API's paths) get problem+json. */
function wantsHtml(c: Context<AppEnv>): boolean {
  const path = c.req.path;
  if (path === "/v1" || path.startsWith("/v1/") || path === "/openapi.json") return false;
  // q-values count (`text/html;q=0` refuses HTML); with no preference either way, JSON.
  const types = ["application/json", "text/html"];
  return accepts(c, { header: "Accept", supports: types, default: "application/json" }) === "text/html";
}

// Outermost, so a 304 is made from the finished answer and keeps every header a cache copies.
app.use(conditionalCache(buildId));
// Next, so every response gets its headers: 404s, 405s, 429s and errors included.
app.use(securityHeaders());
app.use(serverTiming(hydrationMs));
app.use(apiCors());
// After CORS, so a browser script can read the 429; before any work is done.
app.use(rateLimit());
app.use(
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) => {
      const allow = methods.join(", ");
      throw new ProblemError("method-not-allowed", `${c.req.method} is not allowed here; use ${allow}.`, {
        headers: { Allow: allow },
      });
    },
  }),
);
app.use(canonicalQueryString());
// Paths are strict: `/v1/records/` is not `/v1/records`. hono/tiny's PatternRouter would let a
// trailing slash match the route without one; the 404 is what every other unknown path gets.
app.use(async (c, next) => {
  const path = c.req.path;
  if (path.length > 1 && path.endsWith("/")) return c.notFound();
  await next();
});

app.route("/", searchRoutes);
app.route("/", suggestRoutes);
app.route("/", recordRoutes);
app.route("/", exportRoutes);
app.route("/", feedRoutes);
app.route("/", recordResearchRoutes);
app.route("/", answerGroupRoutes);
app.route("/", metaRoutes);
app.route("/", rootRoutes);
app.route("/", pageRoutes());
app.route("/", embedScriptRoutes);
app.route("/", embedPageRoutes);
app.route("/", openApiRoutes);

// Not thrown: hono's method-not-allowed middleware turns only a plain 404 (no error) into a 405.
app.notFound((c) => {
  if (wantsHtml(c)) return htmlNotFound(c, `There is no page at ${echoed(c.req.path)}.`);
  return problemResponse(c, nothingAt(c.req.path));
});

/** What the client is told about an error: its own problem, or one that says nothing of the cause. */
function asProblem(error: Error): ProblemError {
  if (error instanceof ProblemError) return error;
  // A sharded collection's file failed to load; nothing was cached, so a retry may well succeed.
  if (error instanceof AssetUnavailableError)
    return new ProblemError(
      "index-unavailable",
      "Part of the search index could not be loaded; please try again in a moment.",
      { headers: { "Retry-After": "1" } },
    );
  return new ProblemError("internal-error", "The server failed to answer; please try again later.");
}

app.onError((error, c) => {
  const problem = asProblem(error);
  if (problem.status >= 500) console.error(`pqsearch: ${c.req.method} ${c.req.path} failed:`, error);
  return problemResponse(c, problem);
});

export default app;
