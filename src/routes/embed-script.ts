/**
 * `GET /embed.js`: the `<pq-search>` widget, bundled at build time. Partners load it as a
 * cross-origin module script, so it is served with CORS for any origin and a cross-origin
 * resource policy. Its ETag is its own content hash (middleware/cache.ts answers If-None-Match);
 * `?v=<hash>` pins a version cached for a year. The script itself is a static asset the build
 * wrote (`embed.<hash>.js`), read once per isolate: the bundle carries only its hash.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { widgetHash } from "../generated/widget.js";
import { staticAssetText } from "../static-asset";

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
  .get("/embed.js", async (c) => {
    const cacheControl = c.req.query("v") === widgetHash ? PINNED : UNPINNED;
    const script = await staticAssetText(c.env.ASSETS, `embed.${widgetHash}.js`);
    return c.body(script, 200, { ...HEADERS, "Cache-Control": cacheControl });
  });
