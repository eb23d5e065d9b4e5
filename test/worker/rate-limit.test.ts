import { env, exports } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/app-env";
import app from "../../src/index";
import { type Limiter, limits, rateLimit } from "../../src/middleware/rate-limit";
import { ProblemError, problemResponse } from "../../src/problem-error";

// The worker project runs the binding with a limit of 20 per 60 s (vitest.config.ts).
const TEST_LIMIT = 20;

const fromClient = (ip: string, path = "/v1/meta", init: RequestInit = {}) =>
  exports.default.fetch(
    new Request(`https://pq.test${path}`, { ...init, headers: { "CF-Connecting-IP": ip, ...init.headers } }),
  );

/**
 * Runs `count` with client addresses `client(n)` until one run falls within one of the binding's
 * 60 s windows (aligned to the clock): a count that straddles two proves nothing either way, and
 * on a busy machine twenty requests have taken twenty seconds. A failure within one window fails.
 */
async function inOneWindow(count: (client: (n: number) => string) => Promise<void>): Promise<void> {
  for (const network of ["198.51.100", "203.0.113", "192.0.2"]) {
    const window = Math.floor(Date.now() / 60_000);
    try {
      await count((n) => `${network}.${n}`);
      return;
    } catch (error) {
      if (Math.floor(Date.now() / 60_000) === window || network === "192.0.2") throw error;
    }
  }
}

describe("rate limiting with the Workers Rate Limiting binding", () => {
  it("answers 429 problem+json with Retry-After once a client IP passes the limit", async () => {
    let limited = new Response();
    await inOneWindow(async (client) => {
      const statuses: number[] = [];
      for (let i = 0; i < TEST_LIMIT + 3; i++) statuses.push((await fromClient(client(7))).status);
      expect(statuses.slice(0, TEST_LIMIT).every((status) => status === 200)).toBe(true);
      expect(statuses.slice(TEST_LIMIT)).toEqual([429, 429, 429]);
      limited = await fromClient(client(7), "/v1/search?q=iran", { headers: { Origin: "https://partner.example" } });
      expect(limited.status).toBe(429);
    });
    expect(limited.headers.get("Content-Type")).toBe("application/problem+json");
    expect(limited.headers.get("Retry-After")).toBe("60");
    // A browser widget must be able to read the refusal, and how long to wait.
    expect(limited.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(limited.headers.get("Access-Control-Expose-Headers")?.split(/,\s*/)).toContain("Retry-After");
    expect(limited.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await limited.json()).toMatchObject({ status: 429, title: "Too Many Requests", instance: "/v1/search" });
  });

  it("counts each client IP separately", async () => {
    await inOneWindow(async (client) => {
      for (let i = 0; i < TEST_LIMIT + 1; i++) await fromClient(client(8));
      expect((await fromClient(client(8))).status).toBe(429);
      expect((await fromClient(client(9))).status).toBe(200);
    });
  });

  it("does not count CORS preflights", async () => {
    for (let i = 0; i < TEST_LIMIT + 5; i++) {
      const preflight = await fromClient("198.51.100.10", "/v1/search", {
        method: "OPTIONS",
        headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "GET" },
      });
      expect(preflight.status).toBe(204);
    }
    expect((await fromClient("198.51.100.10")).status).toBe(200);
  });
});

describe("the rate-limit middleware with an injected limiter", () => {
  function appWith(limiter: Limiter | undefined, retryAfterSeconds = 10) {
    const app = new Hono<AppEnv>();
    app.use(rateLimit({ limiter: () => limiter, retryAfterSeconds: () => retryAfterSeconds }));
    app.get("/", (c) => c.text("ok"));
    app.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text("unexpected", 500)));
    return app;
  }
  const request = (ip?: string) => new Request("https://pq.test/", { headers: ip ? { "CF-Connecting-IP": ip } : {} });

  it("keys the limiter by CF-Connecting-IP and sends the configured Retry-After", async () => {
    const keys: string[] = [];
    const app = appWith(
      {
        limit: async ({ key }) => {
          keys.push(key);
          return { success: false };
        },
      },
      10,
    );
    const response = await app.fetch(request("2001:db8::1"));
    expect(keys).toEqual(["2001:db8::1"]);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("10");
  });

  it("lets a request through when the limiter allows it, is switched off, or no client IP is known", async () => {
    expect((await appWith({ limit: async () => ({ success: true }) }).fetch(request("192.0.2.1"))).status).toBe(200);
    expect((await appWith(undefined).fetch(request("192.0.2.1"))).status).toBe(200);
    const refuseAll = appWith({ limit: async () => ({ success: false }) });
    expect((await refuseAll.fetch(request())).status).toBe(200);
  });
});

describe("rate limiting in local development", () => {
  // wrangler dev serves on localhost and sets CF-Connecting-IP, like Cloudflare does.
  const local = (origin: string, ip: string, vars: Partial<Env> = {}) =>
    app.fetch(new Request(`${origin}/v1/meta`, { headers: { "CF-Connecting-IP": ip } }), { ...env, ...vars });

  it("does not limit requests to localhost under the shipped RATE_LIMIT, though they carry CF-Connecting-IP", async () => {
    expect(env.RATE_LIMIT).toBe("auto");
    for (const origin of ["http://localhost:8787", "http://127.0.0.1:8787", "http://[::1]:8787"]) {
      const statuses = new Set<number>();
      for (let i = 0; i < TEST_LIMIT + 5; i++) statuses.add((await local(origin, "127.0.0.1")).status);
      expect([...statuses], origin).toEqual([200]);
    }
  });

  it("still limits every other host under the shipped RATE_LIMIT", async () => {
    for (let i = 0; i < TEST_LIMIT; i++) await local("https://pqsearch.example", "198.51.100.20");
    expect((await local("https://pqsearch.example", "198.51.100.20")).status).toBe(429);
  });

  it("limits localhost too when RATE_LIMIT is on, or set to a value it does not know", async () => {
    for (const [setting, ip] of [
      ["on", "198.51.100.21"],
      ["yes", "198.51.100.22"],
    ] as const) {
      for (let i = 0; i < TEST_LIMIT; i++) await local("http://localhost:8787", ip, { RATE_LIMIT: setting });
      expect((await local("http://localhost:8787", ip, { RATE_LIMIT: setting })).status, setting).toBe(429);
    }
  });

  it("decides from RATE_LIMIT and the host alone", () => {
    expect(limits("off", "https://pqsearch.example/")).toBe(false);
    expect(limits("auto", "https://pqsearch.example/")).toBe(true);
    expect(limits(undefined, "https://pqsearch.example/")).toBe(true);
    expect(limits("auto", "http://localhost:8787/")).toBe(false);
    expect(limits("auto", "http://app.localhost:8787/")).toBe(false);
    expect(limits("auto", "http://127.8.9.10/")).toBe(false);
    // A public host that merely starts like a loopback one is not local.
    expect(limits("auto", "http://127.0.0.1.example/")).toBe(true);
    expect(limits("auto", "http://localhost.example/")).toBe(true);
    expect(limits(" ON ", "http://localhost:8787/")).toBe(true);
  });
});
