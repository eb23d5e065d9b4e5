import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

// This project serves test-artifacts/sharded: 600 generated records, sharded into static assets.
const get = (path: string) => exports.default.fetch(new Request(`https://pq.test${path}`));

interface Hit {
  id: string;
  questionText: string;
}

describe("a Worker serving a sharded collection through the ASSETS binding", () => {
  it("describes the whole collection", async () => {
    const response = await get("/v1/meta");
    expect(response.status).toBe(200);
    expect((await response.json<{ records: number }>()).records).toBe(600);
  });

  it("answers a search with full question texts from the record shards", async () => {
    const response = await get("/v1/search?q=schools&limit=5");
    expect(response.status).toBe(200);
    const body = await response.json<{ total: number; hits: Hit[] }>();
    expect(body.total).toBeGreaterThan(5);
    expect(body.hits).toHaveLength(5);
    for (const hit of body.hits) expect(hit.questionText).toMatch(/^To ask /);
  });

  it("looks up a record by id, whole, as the search found it", async () => {
    const search = await (await get("/v1/search?q=hospitals&limit=1")).json<{ hits: Hit[] }>();
    const hit = search.hits[0] as Hit;
    const response = await get(`/v1/records/${hit.id}`);
    expect(response.status).toBe(200);
    const record = await response.json<{ id: string; questionText: string; sources: unknown[] }>();
    expect(record.id).toBe(hit.id);
    expect(record.questionText).toBe(hit.questionText);
    expect(record.sources).toHaveLength(1);
  });

  it("lists filtered records whole", async () => {
    const response = await get("/v1/records?house=Lords&limit=3&offset=10");
    expect(response.status).toBe(200);
    const body = await response.json<{ records: Array<{ house: string; questionText: string }> }>();
    expect(body.records).toHaveLength(3);
    for (const record of body.records) {
      expect(record.house).toBe("Lords");
      expect(record.questionText).toMatch(/^To ask /);
    }
  });

  it("answers 404 for an unknown record id", async () => {
    expect((await get("/v1/records/zzzzzzzzzzzz")).status).toBe(404);
  });

  it("does not serve the shard files to the public", async () => {
    const meta = await (await get("/v1/meta")).json<{ buildId: string }>();
    const response = await get(`/pqsearch/${meta.buildId}/records-0.json`);
    expect(response.status).toBe(404);
  });
});
