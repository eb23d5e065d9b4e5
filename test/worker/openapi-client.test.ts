/**
 * A client generated from the OpenAPI document (openapi-fetch) that checks each query parameter
 * against the JSON Schema the document gives it, before sending, cannot send an out-of-range
 * request to the Worker; the in-range ones are answered. The compile-time half (generated types)
 * is test/node/openapi-client.test.ts.
 */
import { exports } from "cloudflare:workers";
import createClient, { type Middleware } from "openapi-fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

interface Parameter {
  name: string;
  in: string;
  schema: Record<string, unknown>;
}
type Document = { paths: Record<string, { get: { parameters?: Parameter[] } }> };

let document: Document;
beforeAll(async () => {
  document = await (await exports.default.fetch(new Request("https://pq.test/openapi.json"))).json();
});

describe("a client that checks parameters against the OpenAPI document", () => {
  it("refuses, before sending, a limit outside the bounds the document gives", async () => {
    // Each operation's query parameters, as zod schemas made from the document's JSON Schemas.
    const validators = new Map<string, Map<string, z.ZodType>>();
    for (const [path, item] of Object.entries(document.paths)) {
      const query = new Map<string, z.ZodType>();
      for (const param of item.get.parameters ?? [])
        if (param.in === "query") query.set(param.name, z.fromJSONSchema(param.schema as never));
      validators.set(path, query);
    }
    const sent: string[] = [];
    const client = createClient<Record<string, never>>({
      baseUrl: "https://pq.test",
      fetch: async (request: Request) => {
        sent.push(request.url);
        return exports.default.fetch(request);
      },
    });
    const checkQuery: Middleware = {
      onRequest({ schemaPath, params }) {
        for (const [name, value] of Object.entries(params.query ?? {})) {
          const schema = validators.get(schemaPath)?.get(name);
          if (!schema) throw new Error(`${schemaPath} takes no parameter ${name}`);
          const checked = schema.safeParse(value);
          if (!checked.success) throw new Error(`${name}: ${checked.error.issues[0]?.message}`);
        }
      },
    };
    client.use(checkQuery);
    // biome-ignore lint/suspicious/noExplicitAny: the typed calls are checked above; here the values are the point.
    const get = client.GET as (path: string, init: unknown) => Promise<{ response: Response; data?: any }>;

    const answered = await get("/v1/search", { params: { query: { q: "iran", limit: 5 } } });
    expect(answered.response.status).toBe(200);
    expect(answered.data.hits).toHaveLength(5);
    for (const limit of [1, 50])
      expect((await get("/v1/search", { params: { query: { limit } } })).response.ok).toBe(true);
    for (const limit of [0, 51, 500, 2.5]) {
      await expect(get("/v1/search", { params: { query: { limit } } }), String(limit)).rejects.toThrow(/^limit: /);
    }
    await expect(get("/v1/records", { params: { query: { limit: 101 } } })).rejects.toThrow(/^limit: /);
    await expect(get("/v1/suggest", { params: { query: { q: "inq", limit: 21 } } })).rejects.toThrow(/^limit: /);
    await expect(get("/v1/search", { params: { query: { offset: 1000 } } })).rejects.toThrow(/^offset: /);
    await expect(get("/v1/search", { params: { query: { from: "15/09/2021" } } })).rejects.toThrow(/^from: /);
    expect(sent).toHaveLength(3);
  });
});
