/** The Worker: assembles middleware and routes. Behaviour lives in routes/, middleware/ and engine/. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { AppEnv } from "./app-env";
import { buildId, hydrationMs } from "./collection";
import { conditionalCache } from "./middleware/cache";
import { apiCors } from "./middleware/cors";
import { serverTiming } from "./middleware/server-timing";
import { notFound, problemResponse } from "./problem";
import { embedPageRoutes } from "./routes/embed-page";
import { embedScriptRoutes } from "./routes/embed-script";
import { metaRoutes } from "./routes/meta";
import { recordRoutes } from "./routes/records";
import { rootRoutes } from "./routes/root";
import { searchRoutes } from "./routes/search";

const app = new OpenAPIHono<AppEnv>();

app.use(serverTiming(hydrationMs));
app.use(apiCors());
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
app.route("/", recordRoutes);
app.route("/", metaRoutes);
app.route("/", rootRoutes);
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

app.notFound((c) => notFound(c, `Nothing at ${new URL(c.req.url).pathname}; see /openapi.json for the API.`));

app.onError((error, c) => {
  console.error(`pqsearch: ${c.req.method} ${new URL(c.req.url).pathname} failed:`, error);
  return problemResponse(c, {
    type: "about:blank",
    title: "Internal Server Error",
    status: 500,
    detail: "The server failed to answer; please try again later.",
  });
});

export default app;
