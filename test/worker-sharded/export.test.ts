/**
 * Exports, feeds and cursors over a sharded collection: every record comes out once, though the
 * records live in 50-record shards and only about 2,048 stay resident.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const get = (path: string) => exports.default.fetch(new Request(`https://pq.test${path}`));

async function lines(path: string): Promise<Array<{ id: string; questionText: string }>> {
  const response = await get(path);
  expect(response.status).toBe(200);
  return new TextDecoder()
    .decode(await response.arrayBuffer())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe("exporting a sharded collection", () => {
  it("streams all 600 records exactly once, each whole", async () => {
    const records = await lines("/v1/export?format=ndjson");
    expect(records).toHaveLength(600);
    expect(new Set(records.map((record) => record.id)).size).toBe(600);
    for (const record of records) expect(record.questionText).toMatch(/^To ask /);
  });

  it("exports a search's matches in the order the search ranks them", async () => {
    const search = await (await get("/v1/search?q=schools&limit=50")).json<{
      total: number;
      hits: Array<{ id: string }>;
    }>();
    const records = await lines("/v1/export?format=ndjson&q=schools");
    expect(records).toHaveLength(search.total);
    expect(records.slice(0, search.hits.length).map((record) => record.id)).toEqual(search.hits.map((hit) => hit.id));
  });

  it("walks the listing by cursor to the same 600 records", async () => {
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: { records: Array<{ id: string }>; nextCursor: string | null } = await (
        await get(`/v1/records?limit=100${query}`)
      ).json();
      walked.push(...page.records.map((record) => record.id));
      cursor = page.nextCursor;
    } while (cursor && walked.length < 1000);
    expect(walked).toHaveLength(600);
    expect(new Set(walked).size).toBe(600);
  });

  it("answers a feed of the newest matches, newest first", async () => {
    const newest = await lines("/v1/export?format=ndjson&q=schools&sort=newest");
    const response = await get("/feed.atom?q=schools");
    expect(response.status).toBe(200);
    const ids = [...(await response.text()).matchAll(/<id>https:\/\/pq\.test\/records\/([^<]+)<\/id>/g)].map(
      (m) => m[1],
    );
    expect(ids).toEqual(newest.slice(0, 50).map((record) => record.id));
  });
});
