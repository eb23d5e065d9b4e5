import { beforeAll, describe, expect, it } from "vitest";
import { SearchEngine, type SearchRequest } from "../../src/engine/engine";
import { build, loadModule, tempProject } from "./build-helpers";

let engine: SearchEngine;
beforeAll(async () => {
  engine = new SearchEngine(await loadModule((await build(tempProject({}, true))).source));
});

const search = (request: Partial<SearchRequest>) =>
  engine.search({ q: "", sort: "relevance", limit: 50, offset: 0, ...request });
const names = (request: Partial<SearchRequest>) => search(request).hits.map((hit) => hit.askingMember.name);

describe("searching the seed collection", () => {
  it("puts Steve McCabe's question first for genocide", () => {
    expect(names({ q: "genocide" })[0]).toBe("Steve McCabe");
  });

  it("requires every word to match, in any field", () => {
    // "Offord" is only in the asking member, "Slovenia" only in one of his questions.
    const result = search({ q: "Offord Slovenia" });
    expect(result.total).toBe(1);
    expect(result.hits[0]?.questionText).toMatch(/Prime Minister of Slovenia/);
    expect(search({ q: "Offord genocide" }).total).toBe(0);
  });

  it("finds a member by name without the honorific", () => {
    expect(new Set(names({ q: "David Jones" }))).toEqual(new Set(["Mr. David Jones"]));
  });

  it("counts facets over every match, not only the returned page", () => {
    const page = search({ q: "Iran", limit: 1 });
    const everything = search({ q: "Iran", limit: 50 }).hits;
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

  it("browses with filters when the query is empty", () => {
    const result = search({ house: "Lords" });
    expect(result.total).toBe(5);
    expect(new Set(result.hits.map((hit) => hit.house))).toEqual(new Set(["Lords"]));
  });

  it("filters by party, member, answered status and answer date", () => {
    expect(search({ party: ["Labour"] }).total).toBe(2);
    expect(search({ member: ["Baroness Eaton", "Henry Smith"] }).total).toBe(4);
    expect(search({ answered: false }).total).toBe(6);
    expect(search({ from: "2021-09-16", to: "2021-09-16" }).hits.map((hit) => hit.askingMember.name)).toEqual([
      "Henry Smith",
    ]);
    expect(search({ party: ["No Such Party"] }).total).toBe(0);
  });

  it("sorts newest and oldest by date answered, unanswered last", () => {
    const newest = search({ sort: "newest" }).hits.map((hit) => hit.dateAnswered);
    const oldest = search({ sort: "oldest" }).hits.map((hit) => hit.dateAnswered);
    expect(newest.slice(0, 5)).toEqual(Array(5).fill("2021-09-21"));
    expect(oldest[0]).toBe("2021-09-15");
    expect(newest.slice(-6)).toEqual(Array(6).fill(null));
    expect(oldest.slice(-6)).toEqual(Array(6).fill(null));
  });

  it("pages with limit and offset over a stable order", () => {
    const all = search({ q: "Iran", limit: 18 }).hits.map((hit) => hit.id);
    const pages = [0, 5, 10, 15].flatMap((offset) => search({ q: "Iran", limit: 5, offset }).hits.map((hit) => hit.id));
    expect(pages).toEqual(all);
  });

  it("returns the same first hits for a short page as the full ordering does, for every sort", () => {
    for (const sort of ["relevance", "newest", "oldest"] as const) {
      for (const q of ["Iran", "", "human rights"]) {
        const all = search({ q, sort, limit: 50 }).hits.map((hit) => hit.id);
        for (let limit = 1; limit <= 6; limit++) {
          expect(search({ q, sort, limit }).hits.map((hit) => hit.id)).toEqual(all.slice(0, limit));
          expect(search({ q, sort, limit, offset: 2 }).hits.map((hit) => hit.id)).toEqual(all.slice(2, 2 + limit));
        }
      }
    }
  });

  it("marks matches in HTML-escaped highlights and adds no other markup", () => {
    const [hit] = search({ q: "COP26" }).hits;
    expect(hit?.highlights.questionText).toContain("<mark>COP26</mark>");
    expect(hit?.highlights.questionText).toContain("UK’s reputation");
    const answer = search({ q: "Crown Prosecution" }).hits[0]?.highlights.answerText ?? "";
    expect(answer).toContain("<mark>Crown</mark> <mark>Prosecution</mark>");
    expect(answer.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });
});

describe("record lookups and listings", () => {
  it("looks a record up by id and lists every record in source order", () => {
    const listed = engine.list({}, 100, 0);
    expect(listed.total).toBe(18);
    const lines = listed.records.map((record) => record.sources[0]?.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const first = listed.records[0];
    expect(first && engine.record(first.id)).toEqual(first);
    expect(engine.record("nope")).toBeUndefined();
  });
});
