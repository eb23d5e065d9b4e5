import { beforeAll, describe, expect, it } from "vitest";
import { type Collection, openCollection, type SearchRequest } from "../../src/engine";
import { build, loadModule, tempProject } from "./build-helpers";

let engine: Collection;
beforeAll(async () => {
  engine = openCollection(await loadModule((await build(tempProject({}, true))).source));
});

const search = (request: Partial<SearchRequest>) =>
  engine.search({ q: "", sort: "relevance", limit: 50, offset: 0, ...request });
const names = async (request: Partial<SearchRequest>) =>
  (await search(request)).hits.map((hit) => hit.askingMember.name);
const ids = async (request: Partial<SearchRequest>) => (await search(request)).hits.map((hit) => hit.id);

describe("searching the seed collection", () => {
  it("puts Steve McCabe's question first for genocide", async () => {
    expect((await names({ q: "genocide" }))[0]).toBe("Steve McCabe");
  });

  it("with match=all, requires every word to match, in any field", async () => {
    // "Offord" is only in the asking member, "Slovenia" only in one of his questions.
    const result = await search({ q: "Offord Slovenia", match: "all" });
    expect(result.total).toBe(1);
    expect(result.hits[0]?.questionText).toMatch(/Prime Minister of Slovenia/);
    expect(result.hits[0]?.matchedAll).toBe(true);
    expect((await search({ q: "Offord genocide", match: "all" })).total).toBe(0);
  });

  it("by default, follows the few full matches with records matching some of the words, flagged", async () => {
    const strict = await search({ q: "Offord Slovenia", match: "all" });
    const result = await search({ q: "Offord Slovenia" });
    expect(result.hits[0]).toEqual(strict.hits[0]);
    expect(result.total).toBeGreaterThan(1);
    expect(result.hits.slice(1).every((hit) => !hit.matchedAll)).toBe(true);
    // No record holds both: the answer is partial matches, never nothing.
    const none = await search({ q: "Offord genocide" });
    expect(none.total).toBeGreaterThan(0);
    expect(none.hits.every((hit) => !hit.matchedAll)).toBe(true);
  });

  it("finds a member by name without the honorific", async () => {
    expect(new Set(await names({ q: "David Jones" }))).toEqual(new Set(["Mr. David Jones"]));
  });

  it("counts facets over every match, not only the returned page", async () => {
    const page = await search({ q: "Iran", limit: 1 });
    const everything = (await search({ q: "Iran", limit: 50 })).hits;
    expect(page.hits).toHaveLength(1);
    expect(page.total).toBe(everything.length);
    expect(page.total).toBeGreaterThan(10);
    const houses: Record<string, number> = {};
    for (const hit of everything) houses[hit.house] = (houses[hit.house] ?? 0) + 1;
    expect(page.facets.house).toEqual(houses);
    expect(Object.values(page.facets.member).reduce((a, b) => a + b, 0)).toBe(page.total);
  });

  it("counts the whole collection's facets in the build's meta", () => {
    expect(engine.meta.facets.house).toEqual({ Commons: 13, Lords: 5 });
    expect(engine.meta.facets.answered).toEqual({ false: 6, true: 12 });
    expect(engine.meta.records).toBe(18);
  });

  it("browses with filters when the query is empty", async () => {
    const result = await search({ house: "Lords" });
    expect(result.total).toBe(5);
    expect(new Set(result.hits.map((hit) => hit.house))).toEqual(new Set(["Lords"]));
  });

  it("filters by party, member, answered status and answer date", async () => {
    expect((await search({ party: ["Labour"] })).total).toBe(2);
    expect((await search({ member: ["Baroness Eaton", "Henry Smith"] })).total).toBe(4);
    expect((await search({ answered: false })).total).toBe(6);
    expect(await names({ from: "2021-09-16", to: "2021-09-16" })).toEqual(["Henry Smith"]);
    expect((await search({ party: ["No Such Party"] })).total).toBe(0);
  });

  it("sorts newest and oldest by date answered, unanswered last", async () => {
    const newest = (await search({ sort: "newest" })).hits.map((hit) => hit.dateAnswered);
    const oldest = (await search({ sort: "oldest" })).hits.map((hit) => hit.dateAnswered);
    expect(newest.slice(0, 5)).toEqual(Array(5).fill("2021-09-21"));
    expect(oldest[0]).toBe("2021-09-15");
    expect(newest.slice(-6)).toEqual(Array(6).fill(null));
    expect(oldest.slice(-6)).toEqual(Array(6).fill(null));
  });

  it("pages with limit and offset over a stable order", async () => {
    const all = await ids({ q: "Iran", limit: 18 });
    const pages = await Promise.all([0, 5, 10, 15].map((offset) => ids({ q: "Iran", limit: 5, offset })));
    expect(pages.flat()).toEqual(all);
  });

  it("returns the same first hits for a short page as the full ordering does, for every sort", async () => {
    for (const sort of ["relevance", "newest", "oldest"] as const) {
      for (const q of ["Iran", "", "human rights"]) {
        const all = await ids({ q, sort, limit: 50 });
        for (let limit = 1; limit <= 6; limit++) {
          expect(await ids({ q, sort, limit })).toEqual(all.slice(0, limit));
          expect(await ids({ q, sort, limit, offset: 2 })).toEqual(all.slice(2, 2 + limit));
        }
      }
    }
  });

  it("marks matches in HTML-escaped highlights and adds no other markup", async () => {
    const [hit] = (await search({ q: "COP26" })).hits;
    expect(hit?.highlights.questionText).toContain("<mark>COP26</mark>");
    expect(hit?.highlights.questionText).toContain("UK’s reputation");
    const answer = (await search({ q: "Crown Prosecution" })).hits[0]?.highlights.answerText ?? "";
    expect(answer).toContain("<mark>Crown</mark> <mark>Prosecution</mark>");
    expect(answer.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("gives each highlight as ranges too, marking the same words as the HTML", async () => {
    const [hit] = (await search({ q: "Crown Prosecution" })).hits;
    const answer = hit?.marked.answerText;
    const inHtml = [...(hit?.highlights.answerText ?? "").matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]);
    expect(inHtml).toContain("Prosecution");
    expect(answer?.marks.map(([start, end]) => answer.text.slice(start, end))).toEqual(inHtml);
    expect(hit?.marked.questionText.text).toBe(hit?.questionText);
  });

  it("carries each hit's heading, or null where the record has none", async () => {
    const { hits } = await search({ limit: 50 });
    const { records } = await engine.list({ limit: 100, offset: 0 });
    const headings = new Map(records.map((record) => [record.id, record.heading ?? null]));
    for (const hit of hits) expect(hit.heading).toBe(headings.get(hit.id));
  });
});

describe("record lookups and listings", () => {
  it("looks a record up by id and lists every record in source order", async () => {
    const listed = await engine.list({ limit: 100, offset: 0 });
    expect(listed.total).toBe(18);
    const lines = listed.records.map((record) => record.sources[0]?.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const first = listed.records[0];
    expect(first && (await engine.record(first.id))).toEqual(first);
    expect(await engine.record("nope")).toBeUndefined();
  });
});
