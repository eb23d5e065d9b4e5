/**
 * `Server-Timing` with the isolate's one-off hydration cost on its first response, and the
 * total time in the Worker on every response.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

export function serverTiming(hydrationMs: number): MiddlewareHandler<AppEnv> {
  let firstRequest = true;
  return async (c, next) => {
    const started = performance.now();
    await next();
    const entries = [`total;dur=${(performance.now() - started).toFixed(3)}`];
    if (firstRequest) {
      entries.push(`hydrate;dur=${hydrationMs.toFixed(3)};desc="once per isolate"`);
      firstRequest = false;
    }
    c.res.headers.append("Server-Timing", entries.join(", "));
  };
}
