/**
 * Where this Worker is running: its public origin, and whether a request is local development.
 * A request's own Host is never trusted for absolute links (anyone can send `Host: evil.example`,
 * and the answer is cacheable): the origin comes from the `PUBLIC_URL` var, or, under
 * `wrangler dev` only, from the local request.
 */

/** Hosts that only a local server answers. Cloudflare never routes them to a deployed Worker. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

/** Whether `url` was requested from this machine (wrangler dev, a local test server). */
export function isLocalRequest(url: string): boolean {
  return isLoopback(new URL(url).hostname);
}

/**
 * The origin to put in absolute links (`https://search.example.org`), or null when none is known:
 * `PUBLIC_URL` when it is set, the request's own origin for local development, else null (callers
 * then link relatively, which resolves against whatever URL the client really used).
 */
export function publicOrigin(env: { PUBLIC_URL?: string }, requestUrl: string): string | null {
  const configured = env.PUBLIC_URL?.trim();
  if (configured) {
    const url = URL.canParse(configured) ? new URL(configured) : null;
    if (url?.protocol !== "https:" && url?.protocol !== "http:")
      throw new Error(
        `pqsearch: PUBLIC_URL must be an http(s) origin such as https://search.example.org, not "${configured}"`,
      );
    return url.origin;
  }
  return isLocalRequest(requestUrl) ? new URL(requestUrl).origin : null;
}

/**
 * The origin for links that must be absolute (an Atom feed's ids and links, an export's record
 * URLs, which are read far from the page that linked them): `PUBLIC_URL` when set, else the
 * request's own origin. On Cloudflare a Worker is reached only through the hostnames it is routed
 * on, so that origin is one of them; behind another proxy, set `PUBLIC_URL`.
 */
export function absoluteOrigin(env: { PUBLIC_URL?: string }, requestUrl: string): string {
  return publicOrigin(env, requestUrl) ?? new URL(requestUrl).origin;
}
