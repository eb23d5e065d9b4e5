/**
 * /openapi.json is read from the Worker's static assets (routes/openapi.ts), once per isolate: a
 * failed read is a 503 to retry, and is not kept, so the next request reads the asset again.
 */
import { env } from "cloudflare:workers";
import { expect, it, vi } from "vitest";
import app from "../../src/index";

it("answers 503 with Retry-After while the document's asset cannot be read, then serves it once it can", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const missing = { fetch: async () => new Response("not found", { status: 404 }) } as unknown as Fetcher;
  const failed = await app.fetch(new Request("https://pq.test/openapi.json"), { ...env, ASSETS: missing });
  expect(failed.status).toBe(503);
  expect(failed.headers.get("Retry-After")).toBe("1");
  expect((await failed.json<{ type: string }>()).type).toBe("urn:pqsearch:problem:index-unavailable");
  expect(String(logged.mock.calls[0]?.[1])).toMatch(/openapi\.json answered 404/);
  logged.mockRestore();

  const served = await app.fetch(new Request("https://pq.test/openapi.json"), env);
  expect(served.status).toBe(200);
  expect((await served.json<{ openapi: string }>()).openapi).toBe("3.1.0");
});
