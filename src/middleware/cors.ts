/**
 * CORS for a public, read-only API: any origin by default; an allow-list when CORS_ALLOW_ORIGINS
 * names origins. Never with credentials. With an allow-list the answer varies by Origin.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../app-env";

function allowList(setting: string | undefined): string[] | "*" {
  const origins = (setting ?? "*")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  return origins.length === 0 || origins.includes("*") ? "*" : origins;
}

export function apiCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const allowed = allowList(c.env.CORS_ALLOW_ORIGINS);
    const handler = cors({
      origin: allowed === "*" ? "*" : (origin) => (allowed.includes(origin) ? origin : null),
      allowMethods: ["GET", "HEAD", "OPTIONS"],
      // Retry-After: a widget on another origin can only wait as long as a 429 says if it may read it.
      // X-Total-Count: how many records an export holds, for a progress bar.
      exposeHeaders: ["ETag", "Server-Timing", "Retry-After", "X-Total-Count"],
      maxAge: 86400,
      credentials: false,
    });
    return handler(c, next);
  };
}
