/**
 * Per-client rate limiting with the Workers Rate Limiting binding, keyed by the client's IP as
 * Cloudflare reports it (`CF-Connecting-IP`). Over the limit, a 429 problem with `Retry-After`.
 * The limiter is injected so the policy can be tested without the binding.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
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

/** The deployed policy: the RATE_LIMITER binding, switched by RATE_LIMIT, period from RATE_LIMIT_PERIOD. */
export const bindingLimiter: RateLimitOptions = {
  limiter: (c) => (c.env.RATE_LIMIT === "off" ? undefined : c.env.RATE_LIMITER),
  retryAfterSeconds: (c) => Number(c.env.RATE_LIMIT_PERIOD) || 60,
};

export function rateLimit(options: RateLimitOptions = bindingLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Preflights cost nothing and would halve a browser client's allowance.
    if (c.req.method === "OPTIONS") return next();
    const limiter = options.limiter(c);
    // Cloudflare sets CF-Connecting-IP on every request it forwards; only local tools omit it.
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
