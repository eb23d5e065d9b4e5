import { exports } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/app-env";
import { apiCors } from "../../src/middleware/cors";
import { DATA_CSP, PAGE_CSP, securityHeaders } from "../../src/middleware/security-headers";

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://pq.test${path}`, init));

describe("security headers", () => {
  const answers: Array<[string, string, RequestInit?]> = [
    ["a search", "/v1/search?q=iran"],
    ["a record listing", "/v1/records"],
    ["meta", "/v1/meta"],
    ["the OpenAPI document", "/openapi.json"],
    ["a 400", "/v1/search?limit=0"],
    ["a 404", "/nowhere"],
    ["a 405", "/v1/search", { method: "POST" }],
    ["a 304", "/v1/meta", { headers: { "If-None-Match": "*" } }],
    ["the favicon", "/favicon.ico"],
  ];
  for (const [what, path, init] of answers) {
    it(`are on ${what}: nosniff, a referrer policy and a deny-all CSP`, async () => {
      const response = await get(path, init);
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
      expect(response.headers.get("Content-Security-Policy")).toBe(DATA_CSP);
    });
  }

  it("leave an HTML page's own CSP alone and give an HTML page without one a strict default", async () => {
    const app = new Hono<AppEnv>().use(securityHeaders());
    app.get("/own", (c) => c.html("<p>hi</p>", 200, { "Content-Security-Policy": "default-src 'self'" }));
    app.get("/none", (c) => c.html("<p>hi</p>"));
    expect((await app.request("/own")).headers.get("Content-Security-Policy")).toBe("default-src 'self'");
    const fallback = (await app.request("/none")).headers.get("Content-Security-Policy");
    expect(fallback).toBe(PAGE_CSP);
    expect(fallback).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("are added even to a response whose headers are immutable", async () => {
    const app = new Hono<AppEnv>().use(securityHeaders());
    app.get("/", () => Response.redirect("https://pq.test/elsewhere", 302));
    const response = await app.request("/");
    expect(response.status).toBe(302);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});

describe("CORS", () => {
  it("allows any origin by default, without credentials and without varying on Origin", async () => {
    const response = await get("/v1/search?q=iran", { headers: { Origin: "https://partner.example" } });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect(response.headers.get("Vary") ?? "").not.toMatch(/Origin/);
  });

  function allowListApp(setting: string) {
    const app = new Hono<AppEnv>().use(apiCors());
    app.get("/", (c) => c.json({}));
    return (origin: string, init: RequestInit = {}) =>
      app.fetch(new Request("https://pq.test/", { ...init, headers: { Origin: origin, ...init.headers } }), {
        CORS_ALLOW_ORIGINS: setting,
      } as Env);
  }

  it("with an allow-list, echoes only a listed origin, never with credentials, and varies on Origin", async () => {
    const request = allowListApp("https://a.example, https://b.example");
    const listed = await request("https://b.example");
    expect(listed.headers.get("Access-Control-Allow-Origin")).toBe("https://b.example");
    expect(listed.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect(listed.headers.get("Vary")).toMatch(/Origin/);
    const unlisted = await request("https://evil.example");
    expect(unlisted.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(unlisted.headers.get("Vary")).toMatch(/Origin/);
    const preflight = await request("https://evil.example", {
      method: "OPTIONS",
      headers: { "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("does not treat an origin that merely contains a listed one as listed", async () => {
    const request = allowListApp("https://a.example");
    for (const origin of ["https://a.example.evil.test", "https://evil.test/https://a.example", "null"]) {
      expect((await request(origin)).headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
  });
});

describe("error bodies", () => {
  it("never carry a stack trace or an internal path", async () => {
    const hostile = [
      "/v1/records/%E0%A4%A",
      "/v1/search?q=%E0%A4%A",
      "/v1/search?limit=%00",
      "/v1/records/..%2F..%2Fetc%2Fpasswd",
      "/v1/search?from=2021-02-30",
      "/%",
    ];
    for (const path of hostile) {
      const response = await get(path);
      expect(response.status, path).toBeLessThan(500);
      const body = await response.text();
      expect(body, path).not.toMatch(/\bat \S+ \(|node_modules|\/src\/|\.ts:\d+|Error:/);
    }
  });
});
