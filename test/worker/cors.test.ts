import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/app-env";
import { apiCors } from "../../src/middleware/cors";

// A tiny app with only the CORS middleware, run with an allow-list in its environment.
const app = new Hono<AppEnv>().use(apiCors()).get("/data", (c) => c.json({ ok: true }));
const env = { CORS_ALLOW_ORIGINS: "https://a.example, https://b.example", CACHE_MAX_AGE: "300" } as AppEnv["Bindings"];
const request = (origin: string, init: RequestInit = {}) =>
  app.request("/data", { ...init, headers: { Origin: origin, ...(init.headers as Record<string, string>) } }, env);

describe("CORS with an allow-list", () => {
  it("echoes an allowed origin and varies on Origin", async () => {
    const response = await request("https://b.example");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("https://b.example");
    expect(response.headers.get("Vary")).toContain("Origin");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("gives no CORS grant to an origin not on the list", async () => {
    const response = await request("https://evil.example");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(response.headers.get("Vary")).toContain("Origin");
  });

  it("refuses a preflight from an origin not on the list", async () => {
    const response = await request("https://evil.example", {
      method: "OPTIONS",
      headers: { "Access-Control-Request-Method": "GET" },
    });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
