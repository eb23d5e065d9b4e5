/**
 * Key tops (the build's ranking of the commonest keys' records) against scoring every record: a
 * page read out is the page `Ordering.top` gives over every record scored `weight × impact`, ties
 * to the newest answer, whatever the weight rounds together; and a search answers the same with
 * the table as without it, for every kind of query and page.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import { benchQueries } from "../../bench/queries";
import { type CompiledCollection, internals, openCollection, type SearchRequest } from "../../src/engine";
import { build, tempProject } from "./build-helpers";

const { compileKeyTops, KeyTops, KEY_TOPS_KEPT, Ordering } = internals;

/** The page scoring every record gives: `Ordering.top` over scores `weight × impact`. */
function scoredPage(docs: Int32Array, weights: Float64Array, weight: number, dateOrder: number[], count: number) {
  const scores = new Float64Array(dateOrder.length);
  for (let i = 0; i < docs.length; i++) scores[docs[i] as number] = weight * (weights[i] as number);
  return new Ordering(dateOrder).top(docs, "relevance", scores, count);
}

describe("key tops", () => {
  it("read out the page scoring every record gives, or decline", () => {
    let readOut = 0;
    let declined = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        // Few distinct impacts, so ties are everywhere, some a rounding step apart.
        fc.array(fc.constantFrom(1, 1.5, 2, 2 + 2 ** -51, 2 + 2 ** -50, 3, 0.1 + 0.2, 0.3), {
          minLength: 80,
          maxLength: 80,
        }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 80, maxLength: 80 }),
        fc.constantFrom(1, 0.7, 1 / 3, 2 ** -1074 * 3, 1e308, 0.1),
        fc.integer({ min: 1, max: KEY_TOPS_KEPT + 5 }),
        fc.integer({ min: 1, max: 40 }),
        (size, impacts, dates, weight, count, from) => {
          // Every record holds the key; the dates give ranks with ties broken by record order.
          const docs = Int32Array.from({ length: size }, (_, doc) => doc);
          const weights = Float64Array.from(impacts.slice(0, size));
          const dateOrder = dates.slice(0, size);
          const rank = new Ordering(dateOrder).relevanceRank();
          const lists = compileKeyTops([size], () => ({ docs, weights }), rank, from);
          expect(lists.length).toBe(size >= from ? 1 : 0);
          const tops = new KeyTops(lists, ["key"]);
          const list = tops.listOf("key");
          expect(list === undefined).toBe(size < from);
          const page = list && tops.top(list, { docs, weights }, weight, count);
          if (page === undefined) {
            declined++;
            return;
          }
          readOut++;
          expect(page).toEqual(scoredPage(docs, weights, weight, dateOrder, count));
        },
      ),
      { numRuns: 3000 },
    );
    // Neither side trivial: most pages are read out, and rounding ties make some decline.
    expect(readOut).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(50);
  });

  it("leave every search's answer as scoring gives it, and answer one-word searches", async () => {
    const output = await build(tempProject({ "generated.jsonl": toJsonLines(generateRecords(2500, 3)) }));
    const compiled = output.collection;
    expect(compiled.keyTops.length).toBeGreaterThan(20);
    const withTable = openCollection(structuredClone(compiled));
    const without = openCollection({ ...structuredClone(compiled), keyTops: [] });
    const requests: SearchRequest[] = [];
    for (const query of benchQueries(compiled.records))
      for (const [offset, limit] of [
        [0, 10],
        [10, 10],
        [0, KEY_TOPS_KEPT],
        [5, KEY_TOPS_KEPT - 4],
        [0, KEY_TOPS_KEPT + 1],
        [0, 1],
      ] as const)
        requests.push({ q: query.q, sort: "relevance", limit, offset, facetLimit: 10, ...query.filters });
    // Strict matching, other orders, grouped answers, filters, unmarked, a role phrase, a group's word.
    for (const q of ["government", "department", "the", "answered by government", "schools", "minister"])
      for (const extra of [
        { match: "all" as const },
        { sort: "newest" as const },
        { sort: "oldest" as const },
        { collapse: "answer" as const },
        { house: "Commons" as const },
        { highlight: false },
        { facetLimit: undefined },
      ])
        requests.push({ q, sort: "relevance", limit: 10, offset: 0, facetLimit: 5, ...extra });
    for (const request of requests)
      expect(JSON.stringify(await withTable.search(request)), JSON.stringify(request)).toBe(
        JSON.stringify(await without.search(request)),
      );

    // The table is read: a wrong entry in a listed key's list shows in its search.
    const q = "government";
    const [key] = await withTable.plannedKeys(q);
    const position = compiled.keys.indexOf(key as string);
    const tampered = structuredClone(compiled) as CompiledCollection;
    const list = tampered.keyTops.find((each) => each[0] === position) as number[];
    expect(list).toBeDefined();
    // [key, lower, best, second, ...]: the best listed twice, in place of the second.
    list[3] = list[2] as number;
    const request: SearchRequest = { q, sort: "relevance", limit: 10, offset: 0, facetLimit: 10 };
    const [told, scored] = await Promise.all([openCollection(tampered).search(request), without.search(request)]);
    expect(told.hits.map((hit) => hit.id)).not.toEqual(scored.hits.map((hit) => hit.id));
  }, 60_000);
});
