/**
 * Conditional requests. Every successful answer depends only on the build and the deployed code,
 * so its ETag is derived from the build id and the Worker's version; a matching `If-None-Match`
 * answers 304 before any search runs.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

export function conditionalCache(buildId: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const version = c.env.CF_VERSION_METADATA?.id || "dev";
    const etag = `"${buildId}-${version.slice(0, 8)}"`;
    const cacheControl = `public, max-age=${Number(c.env.CACHE_MAX_AGE) || 300}`;
    if (matches(c.req.header("If-None-Match"), etag)) {
      return c.body(null, 304, { ETag: etag, "Cache-Control": cacheControl });
    }
    await next();
    // A route whose body does not follow the build (the widget script) sets its own ETag.
    if (c.res.status === 200 && !c.res.headers.has("ETag")) {
      c.res.headers.set("ETag", etag);
      if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", cacheControl);
    }
  };
}
