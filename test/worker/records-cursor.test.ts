/** Cursor paging on `GET /v1/records`: a walk through a whole listing, and the cursors it refuses. */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/schema/cursor-token";
import { Problem } from "../../src/schema/problem";
import { RecordsResponse as Records, type RecordsResponse } from "../../src/schema/search";

const get = (path: string) => exports.default.fetch(new Request(`https://pq.test${path}`));

async function page(query: string): Promise<RecordsResponse> {
  const response = await get(`/v1/records?${query}`);
  expect(response.status, query).toBe(200);
  return Records.parse(await response.json());
}

/** Every page of a listing, following nextCursor from the first. */
async function walk(query: string, limit: number): Promise<RecordsResponse[]> {
  const pages = [await page(`${query}&limit=${limit}`)];
  for (let cursor = pages[0]?.nextCursor; cursor; cursor = pages.at(-1)?.nextCursor) {
    expect(pages.length).toBeLessThan(100);
    pages.push(await page(`${query}&limit=${limit}&cursor=${encodeURIComponent(cursor)}`));
  }
  return pages;
}

describe("GET /v1/records with cursor", () => {
  it("walks the whole listing page by page, each record once, in the order offsets give", async () => {
    const all = await page("limit=100");
    expect(all.nextCursor).toBeNull();
    const pages = await walk("answered=true", 4);
    const walked = pages.flatMap((each) => each.records.map((record) => record.id));
    const answered = all.records.filter((record) => record.answered).map((record) => record.id);
    expect(walked).toEqual(answered);
    expect(pages.length).toBe(Math.ceil(answered.length / 4));
    for (const each of pages) expect(each.total).toBe(answered.length);
  });

  it("gives a next cursor on an offset page too, and none on the last page", async () => {
    const first = await page("limit=5&offset=5");
    const next = await page(`limit=5&cursor=${first.nextCursor}`);
    const byOffset = await page("limit=5&offset=10");
    expect(next.records).toEqual(byOffset.records);
    expect((await page(`limit=100&offset=${first.total - 1}`)).nextCursor).toBeNull();
  });

  it.each([
    ["not base64url", "!!!"],
    ["another encoding of the same id", btoa("2:abc")],
    ["a cursor too long to be one", "A".repeat(101)],
    ["a cursor with a malformed id", encodeCursor("a b").replace(/=+$/, "")],
  ])("refuses %s with a 400 naming cursor", async (_, cursor) => {
    const response = await get(`/v1/records?cursor=${encodeURIComponent(cursor)}`);
    expect(response.status).toBe(400);
    const body = Problem.parse(await response.json());
    expect(body.invalidParams).toEqual([
      { name: "cursor", reason: expect.stringMatching(/^expected the nextCursor of an earlier page/) },
    ]);
  });

  it("refuses a well-formed cursor for a record the collection does not hold, saying to start again", async () => {
    const response = await get(`/v1/records?cursor=${encodeCursor("no-such-record")}`);
    expect(response.status).toBe(400);
    const body = Problem.parse(await response.json());
    expect(body.invalidParams?.[0]?.name).toBe("cursor");
    expect(body.detail).toMatch(/no longer in the collection, so start again without a cursor/);
  });

  it("refuses a cursor with an offset, naming offset", async () => {
    const first = await page("limit=2");
    const response = await get(`/v1/records?limit=2&offset=2&cursor=${first.nextCursor}`);
    expect(response.status).toBe(400);
    const body = Problem.parse(await response.json());
    expect(body.invalidParams).toEqual([{ name: "offset", reason: expect.stringMatching(/no offset with a cursor/) }]);
  });
});
