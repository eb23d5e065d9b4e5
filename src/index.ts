/** The Worker: assembles middleware and routes. Behaviour lives in routes/, middleware/ and engine/. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { AppEnv } from "./app-env";
import { buildId, hydrationMs } from "./collection";
import { AssetUnavailableError } from "./engine";
import { conditionalCache } from "./middleware/cache";
import { apiCors } from "./middleware/cors";
import { rateLimit } from "./middleware/rate-limit";
import { securityHeaders } from "./middleware/security-headers";
import { serverTiming } from "./middleware/server-timing";
import { notFound, problemResponse } from "./problem";
import { embedPageRoutes } from "./routes/embed-page";
import { embedScriptRoutes } from "./routes/embed-script";
import { metaRoutes } from "./routes/meta";
import { htmlNotFound, pageRoutes } from "./routes/pages";
import { recordRoutes } from "./routes/records";
import { rootRoutes } from "./routes/root";
import { searchRoutes } from "./routes/search";
import { suggestRoutes } from "./routes/suggest";

const app = new OpenAPIHono<AppEnv>();

/** People get an HTML 404; programs (and anything under the API's paths) get problem+json. */
function wantsHtml(request: Request): boolean {
  const path = new URL(request.url).pathname;
  if (path === "/v1" || path.startsWith("/v1/") || path === "/openapi.json") return false;
  return request.headers.get("Accept")?.includes("text/html") ?? false;
}

// Outermost, so every response gets its headers: 404s, 405s, 429s and errors included.
app.use(securityHeaders());
app.use(serverTiming(hydrationMs));
app.use(apiCors());
// After CORS, so a browser script can read the 429; before any work is done.
app.use(rateLimit());
app.use(
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) =>
      problemResponse(
        c,
        {
          type: "about:blank",
          title: "Method Not Allowed",
          status: 405,
          detail: `${c.req.method} is not allowed here; use ${methods.join(", ")}.`,
        },
        { Allow: methods.join(", ") },
      ),
  }),
);
app.use(conditionalCache(buildId));

app.route("/", searchRoutes);
app.route("/", suggestRoutes);
app.route("/", recordRoutes);
app.route("/", metaRoutes);
app.route("/", rootRoutes);
app.route("/", pageRoutes());
app.route("/", embedScriptRoutes);
app.route("/", embedPageRoutes);

app.doc31("/openapi.json", (c) => ({
  openapi: "3.1.0",
  info: {
    title: "pqsearch",
    version: buildId,
    description: "Full-text search over UK parliamentary written questions and answers.",
  },
  servers: [{ url: new URL(c.req.url).origin }],
}));

app.notFound((c) => {
  const path = new URL(c.req.url).pathname;
  if (wantsHtml(c.req.raw)) return htmlNotFound(c, `There is no page at ${path}.`);
  return notFound(c, `Nothing at ${path}; see /openapi.json for the API.`);
});

app.onError((error, c) => {
  console.error(`pqsearch: ${c.req.method} ${new URL(c.req.url).pathname} failed:`, error);
  // A sharded collection's file failed to load; nothing was cached, so a retry may well succeed.
  if (error instanceof AssetUnavailableError)
    return problemResponse(
      c,
      {
        type: "about:blank",
        title: "Service Unavailable",
        status: 503,
        detail: "Part of the search index could not be loaded; please try again in a moment.",
      },
      { "Retry-After": "1" },
    );
  return problemResponse(c, {
    type: "about:blank",
    title: "Internal Server Error",
    status: 500,
    detail: "The server failed to answer; please try again later.",
  });
});

export default app;
