/**
 * Per-client rate limiting with the Workers Rate Limiting binding, keyed by the client's IP as
 * Cloudflare reports it (`CF-Connecting-IP`). Over the limit, a 429 problem with `Retry-After`.
 * The limiter is injected so the policy can be tested without the binding.
 *
 * `wrangler dev` sets `CF-Connecting-IP` too, so local clients would be limited like the public.
 * The RATE_LIMIT var says who is limited:
 * - `auto` (the default): every deployed request, but not requests to localhost (wrangler dev).
 *   Cloudflare never routes a loopback host name to a deployed Worker, so no public request is
 *   exempt; a load test against wrangler dev is not throttled by surprise.
 * - `on`: every request, local ones too (to try the limiter under wrangler dev).
 * - `off`: nobody.
 * Any other value counts as `on`: a typo must not leave the service unprotected.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { isLocalRequest } from "../deployment";
import { ProblemError } from "../problem-error";

/** The one method of the binding we use (`RateLimit` in workers-types). */
export interface Limiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface RateLimitOptions {
  /** The limiter for this request, or undefined to let it through unlimited. */
  limiter(c: Context<AppEnv>): Limiter | undefined;
  /** Seconds a limited client should wait: the limiter's period. */
  retryAfterSeconds(c: Context<AppEnv>): number;
}

/** Whether RATE_LIMIT (`setting`) limits a request to `url`. */
export function limits(setting: string | undefined, url: string): boolean {
  const mode = setting?.trim().toLowerCase() || "auto";
  if (mode === "off") return false;
  if (mode === "auto") return !isLocalRequest(url);
  return true;
}

/** The deployed policy: the RATE_LIMITER binding, switched by RATE_LIMIT, period from RATE_LIMIT_PERIOD. */
export const bindingLimiter: RateLimitOptions = {
  limiter: (c) => (limits(c.env.RATE_LIMIT, c.req.url) ? c.env.RATE_LIMITER : undefined),
  retryAfterSeconds: (c) => Number(c.env.RATE_LIMIT_PERIOD) || 60,
};

export function rateLimit(options: RateLimitOptions = bindingLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Preflights cost nothing and would halve a browser client's allowance.
    if (c.req.method === "OPTIONS") return next();
    const limiter = options.limiter(c);
    // Cloudflare and wrangler dev set CF-Connecting-IP; a request without it (a test calling the
    // app directly, a service binding) has no client to count.
    const client = c.req.header("CF-Connecting-IP");
    if (!limiter || !client) return next();
    const { success } = await limiter.limit({ key: client });
    if (success) return next();
    const retryAfter = options.retryAfterSeconds(c);
    throw new ProblemError(
      "rate-limited",
      `This client has sent too many requests; wait ${retryAfter} seconds before trying again.`,
      { headers: { "Retry-After": String(retryAfter) } },
    );
  };
}
