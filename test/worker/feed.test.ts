/**
 * `GET /feed.atom`: a search as an Atom feed, checked against RFC 4287's required elements and
 * read with a real feed parser; and the answers it refuses.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { FEED_ENTRIES } from "../../src/schema/limits";
import { Problem } from "../../src/schema/problem";
import { QuestionRecord } from "../../src/schema/record";
import { atomProblems, readFeed } from "../support/atom-feed-checks";

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://pq.test${path}`, init));

async function feedXml(path: string): Promise<string> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
  return response.text();
}

/** The matches of an export, newest first: what a feed must list. */
async function newest(query: string): Promise<QuestionRecord[]> {
  const body = await (await get(`/v1/export?format=ndjson&sort=newest&${query}`)).arrayBuffer();
  const text = new TextDecoder().decode(body);
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => QuestionRecord.parse(JSON.parse(line)));
}

describe("GET /feed.atom", () => {
  it.each(["", "q=iran", "q=massacre&house=Commons", "party=Conservative&answered=true", "from=2099-01-01"])(
    "answers a valid Atom feed for ?%s that a feed parser reads",
    async (query) => {
      const xml = await feedXml(`/feed.atom?${query}`);
      expect(atomProblems(xml)).toEqual([]);
      const feed = readFeed(xml);
      expect(feed.meta.type).toBe("atom");
      expect(feed.self).toBe(`https://pq.test/feed.atom${query ? `?${query}` : ""}`);
      expect(feed.url).toBe(`https://pq.test/${query ? `?${query}` : ""}`);
      expect(feed.updated).toBeInstanceOf(Date);
    },
  );

  it("lists the search's newest matches, newest first, each linking to its record page", async () => {
    const expected = (await newest("q=iran")).slice(0, FEED_ENTRIES);
    const feed = readFeed(await feedXml("/feed.atom?q=iran"));
    expect(feed.items.map((item) => item.url)).toEqual(
      expected.map((record) => `https://pq.test/records/${record.id}`),
    );
    expect(feed.items.map((item) => item.id)).toEqual(feed.items.map((item) => item.url));
    expect(feed.items[0]?.authors[0]?.name).toBe(expected[0]?.askingMember.name);
    for (const item of feed.items.slice(0, 3))
      expect((await get(new URL(item.url as string).pathname)).status).toBe(200);
  });

  it("is as new as its newest answer", async () => {
    const [first] = await newest("house=Lords");
    const feed = readFeed(await feedXml("/feed.atom?house=Lords"));
    expect(feed.updated?.toISOString()).toBe(`${first?.answer?.dateAnswered}T00:00:00.000Z`);
    expect(feed.items[0]?.updated?.toISOString()).toBe(feed.updated?.toISOString());
  });

  it("keeps an empty feed valid, dated by the collection's newest record", async () => {
    const [first] = await newest("");
    const feed = readFeed(await feedXml("/feed.atom?from=2099-01-01"));
    expect(feed.items).toEqual([]);
    expect(feed.updated?.toISOString().slice(0, 10)).toBe(first?.answer?.dateAnswered);
  });

  it("answers 304 to a current ETag", async () => {
    const etag = (await get("/feed.atom?q=iran")).headers.get("ETag") as string;
    const again = await get("/feed.atom?q=iran", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it.each([
    ["house=commons", "house", /expected Commons or Lords/],
    ["sort=newest", "sort", /unknown parameter/],
    ["to=yesterday", "to", /YYYY-MM-DD/],
    [`q=${"word ".repeat(21)}`, "q", /at most 20 words/],
  ])("refuses %s with a 400 naming %s", async (query, name, reason) => {
    const response = await get(`/feed.atom?${query}`);
    expect(response.status).toBe(400);
    const body = Problem.parse(await response.json());
    expect(body.invalidParams?.find((param) => param.name === name)?.reason).toMatch(reason);
  });
});
