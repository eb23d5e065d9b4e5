/**
 * Headers every response carries, whatever produced it (routes, 404s, errors, 304s): no MIME
 * sniffing, no full URLs leaked as referrers, and a Content-Security-Policy. Non-HTML answers get a
 * policy that allows nothing, so a JSON body opened as a document can never run anything. HTML
 * pages set their own policy; one that did not gets a strict default rather than none.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

/** For JSON, problem+json, text: nothing may load, run or frame it. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** For an HTML page that set no policy of its own: same-origin resources only, no inline script. */
export const HTML_FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    try {
      c.res.headers.set("X-Content-Type-Options", "nosniff");
    } catch {
      // A Response built elsewhere (say, fetched) has immutable headers; edit a copy.
      c.res = new Response(c.res.body, c.res);
    }
    const headers = c.res.headers;
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!headers.has("Content-Security-Policy")) {
      const isHtml = (headers.get("Content-Type") ?? "").toLowerCase().startsWith("text/html");
      headers.set("Content-Security-Policy", isHtml ? HTML_FALLBACK_CSP : DATA_CSP);
    }
  };
}
