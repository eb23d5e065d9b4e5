/**
 * Security headers on every response, whatever produced it (routes, 404s, 405s, 429s, errors,
 * 304s): no MIME sniffing, no referrer sent to other sites, and a Content-Security-Policy. HTML
 * pages get a strict policy: scripts, styles and requests only from this origin, no inline script
 * or style, no framing, forms post only here. Every other answer (JSON, problem+json) gets a policy
 * that allows nothing, so a body opened as a document can never run or load anything. A route that
 * needs a different policy (an embeddable page, say) sets its own and this leaves it alone.
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

/** For JSON, problem+json and anything else that is not a page: nothing may load, run or frame it. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    try {
      c.res.headers.set("X-Content-Type-Options", "nosniff");
    } catch {
      // A Response built elsewhere (a redirect, a fetch) has immutable headers; edit a copy.
      c.res = new Response(c.res.body, c.res);
    }
    const headers = c.res.headers;
    headers.set("X-Content-Type-Options", "nosniff");
    if (!headers.has("Referrer-Policy")) headers.set("Referrer-Policy", "same-origin");
    if (!headers.has("Content-Security-Policy")) {
      const isHtml = headers.get("Content-Type")?.toLowerCase().startsWith("text/html") ?? false;
      headers.set("Content-Security-Policy", isHtml ? PAGE_CSP : DATA_CSP);
    }
  };
}
