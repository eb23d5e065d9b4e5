/**
 * Conditional requests (RFC 9110 §13.1.2). Every successful answer depends only on the URL, the
 * build and the deployed code, so its ETag is the build id and the Worker's version, unless the
 * route set its own (the widget script's is its content hash). `If-None-Match` is checked against
 * the answer the route actually gave: only what would have been a 200 becomes a 304, so a 404 or a
 * 400 stays what it is, whatever tag is sent. Outermost, so a 304 carries the same headers (CSP,
 * CORS, Vary) that a cache will copy onto the stored 200.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

/** Weak comparison, as `If-None-Match` requires: `W/"x"` matches `"x"`; `*` matches any current answer. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const wanted = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === wanted;
  });
}

/** Headers that describe the body a 304 does not carry. */
const BODY_HEADERS = ["Content-Type", "Content-Length", "Content-Encoding"];

export function conditionalCache(buildId: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || c.res.status !== 200) return;
    const version = c.env.CF_VERSION_METADATA?.id || "dev";
    let etag = c.res.headers.get("ETag");
    if (!etag) {
      etag = `"${buildId}-${version.slice(0, 8)}"`;
      c.res.headers.set("ETag", etag);
      if (!c.res.headers.has("Cache-Control"))
        c.res.headers.set("Cache-Control", `public, max-age=${Number(c.env.CACHE_MAX_AGE) || 300}`);
    }
    if (!matches(c.req.header("If-None-Match"), etag)) return;
    // Hono copies the old answer's headers onto the new one: drop the body's from both.
    for (const name of BODY_HEADERS) c.res.headers.delete(name);
    c.res = new Response(null, { status: 304, headers: c.res.headers });
  };
}
