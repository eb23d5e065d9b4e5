/**
 * `GET /embed.js`: the `<pq-search>` widget, bundled at build time. Partners load it as a
 * cross-origin module script, so it is served with CORS for any origin and a cross-origin
 * resource policy. Its ETag is its own content hash (middleware/cache.ts answers If-None-Match);
 * `?v=<hash>` pins a version cached for a year.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { widgetHash, widgetScript } from "../generated/widget.js";

const HEADERS = {
  "Content-Type": "text/javascript; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "X-Content-Type-Options": "nosniff",
  ETag: `"${widgetHash}"`,
};
/** The unpinned URL changes on deploy, so caches revalidate hourly and may serve stale for a day meanwhile. */
const UNPINNED = "public, max-age=3600, stale-while-revalidate=86400";
const PINNED = "public, max-age=31536000, immutable";

export const embedScriptRoutes = new Hono<AppEnv>()
  // Inside the API's CORS middleware, which may name only listed origins: the script is for everyone.
  .use("/embed.js", async (c, next) => {
    await next();
    c.res.headers.set("Access-Control-Allow-Origin", "*");
  })
  .get("/embed.js", (c) => {
    const cacheControl = c.req.query("v") === widgetHash ? PINNED : UNPINNED;
    return c.body(widgetScript, 200, { ...HEADERS, "Cache-Control": cacheControl });
  });
