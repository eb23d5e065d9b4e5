/**
 * Security headers. Every response: no MIME sniffing, no referrer sent to other sites. HTML
 * pages also get a strict Content-Security-Policy: scripts, styles and requests only from this
 * origin, no inline script or style, no framing, forms post only here. A route that needs a
 * different policy (an embeddable page, say) sets its own and this leaves it alone.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set("X-Content-Type-Options", "nosniff");
    if (!headers.has("Referrer-Policy")) headers.set("Referrer-Policy", "same-origin");
    if (headers.get("Content-Type")?.startsWith("text/html") && !headers.has("Content-Security-Policy")) {
      headers.set("Content-Security-Policy", PAGE_CSP);
    }
  };
}
