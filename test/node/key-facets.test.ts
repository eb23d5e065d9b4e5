/**
 * Key facets (the build's facet counts of the commonest keys) against counting: read out for any
 * limit they cover, they are the counts `FacetTally` gives the key's records, key order and all,
 * made once per key and limit and shared frozen; and a search answers the same with the table as
 * without it, for every kind of query.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import { benchQueries } from "../../bench/queries";
import { type CompiledCollection, internals, openCollection, type SearchRequest } from "../../src/engine";
import { FACET_NAMES, type FacetName, type Facets } from "../../src/schema/facets";
import { build, tempProject } from "./build-helpers";

const { compileKeyFacets, FacetTally, KEY_FACET_VALUES, KEY_FACETS_FROM, KeyFacets, soleKey } = internals;

/** Values named as years too: integer-like keys are listed in numeric order whatever the insertion order. */
function tables(seed: number, size: number) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const facetValues = {} as Record<FacetName, string[]>;
  const codes = {} as Record<FacetName, number[]>;
  FACET_NAMES.forEach((name, f) => {
    const count = 2 + f * 6;
    facetValues[name] =
      name === "year"
        ? Array.from({ length: count }, (_, i) => String(2000 + i))
        : Array.from({ length: count }, (_, i) => `${name}-${String(i).padStart(3, "0")}`);
    codes[name] = Array.from({ length: size }, () => {
      const pick = next();
      return pick < 0.1 ? -1 : Math.floor(pick * pick * count);
    });
  });
  return { facetValues, codes };
}

type Clause = Parameters<typeof soleKey>[0]["clauses"][number];
const clause = (keys: string[], extra: Partial<Clause> = {}): Clause => ({
  required: true,
  keys,
  weights: keys.map(() => 1),
  coverage: 1,
  ...extra,
});

describe("key facets", () => {
  it("apply only to a search whose one required clause looks up one key and no group word adds records", () => {
    expect(soleKey({ clauses: [clause(["school"])] })).toBe("school");
    // Optional clauses (titles, stop words, proximity pairs) add no candidates.
    expect(soleKey({ clauses: [clause(["school"]), clause(["the"], { required: false })] })).toBe("school");
    expect(
      soleKey({ clauses: [clause(["school"]), clause(["school\u0001fund"], { required: false, proximity: true })] }),
    ).toBe("school");
    // Completions or corrections: the union of several keys' records.
    expect(soleKey({ clauses: [clause(["school", "schooling"])] })).toBeUndefined();
    // Two words, each required.
    expect(soleKey({ clauses: [clause(["school"]), clause(["fund"])] })).toBeUndefined();
    // A synonym group's words add their own records to the group's.
    expect(soleKey({ clauses: [clause(["#g1"]), clause(["pupil"], { required: false, partOf: 0 })] })).toBeUndefined();
    expect(soleKey({ clauses: [] })).toBeUndefined();
  });

  it("read out the counts FacetTally gives the key's records, for every limit they cover", () => {
    const SIZE = 400;
    const t = tables(5, SIZE);
    const columns = Object.fromEntries(FACET_NAMES.map((name) => [name, Int32Array.from(t.codes[name])])) as Record<
      FacetName,
      Int32Array
    >;
    const tally = new FacetTally(t.facetValues, columns);
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: SIZE - 1 }), { maxLength: SIZE }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        (keyDocs, from) => {
          const docsOfKey = keyDocs.map((docs) => new Set(docs));
          const keyDf = docsOfKey.map((docs) => docs.size);
          const keyFacets = new KeyFacets(
            compileKeyFacets(docsOfKey, t.codes, t.facetValues, from),
            t.facetValues,
            keyDf,
          );
          docsOfKey.forEach((docs, key) => {
            const sorted = Int32Array.from([...docs].sort((a, b) => a - b));
            for (let limit = 1; limit <= KEY_FACET_VALUES + 1; limit++) {
              const read = keyFacets.top(key, docs.size, limit);
              if (docs.size < from || limit > KEY_FACET_VALUES) {
                expect(read).toBeUndefined();
                continue;
              }
              const counted = tally.count(sorted, sorted.length, limit);
              expect(JSON.stringify(read)).toBe(JSON.stringify(counted));
              for (const name of FACET_NAMES) {
                expect(Object.getPrototypeOf(read?.[name])).toBeNull();
                expect(Object.isFrozen(read?.[name])).toBe(true);
              }
              // Made once per key and limit, then shared: frozen, so no search can change another's.
              expect(keyFacets.top(key, docs.size, limit)).toBe(read);
              expect(Object.isFrozen(read)).toBe(true);
            }
            // Fewer matches than the key's records: some were filtered out, so these counts are not theirs.
            if (docs.size >= from && docs.size > 0) expect(keyFacets.top(key, docs.size - 1, 5)).toBeUndefined();
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keep a rarer key's counted facets, frozen, for searches matching all its records, and only those", () => {
    const values = Object.fromEntries(FACET_NAMES.map((name) => [name, ["a", "b"]])) as Record<FacetName, string[]>;
    const counted = (n: number) => Object.fromEntries(FACET_NAMES.map((name) => [name, { a: n }])) as unknown as Facets;
    // Key 0 is held by 5 records, key 1 by 7; neither is listed.
    const keyFacets = new KeyFacets([], values, [5, 7]);
    expect(keyFacets.top(0, 5, 10)).toBeUndefined();
    const kept = keyFacets.keep(0, 5, 10, counted(5));
    expect(Object.isFrozen(kept) && FACET_NAMES.every((name) => Object.isFrozen(kept[name]))).toBe(true);
    expect(keyFacets.top(0, 5, 10)).toBe(kept);
    // Another limit, fewer matches (a filter removed some) or another key: not these counts.
    expect(keyFacets.top(0, 5, 3)).toBeUndefined();
    expect(keyFacets.top(0, 4, 10)).toBeUndefined();
    expect(keyFacets.top(1, 7, 10)).toBeUndefined();
    const partial = counted(4);
    expect(keyFacets.keep(0, 4, 10, partial)).toBe(partial);
    expect(Object.isFrozen(partial)).toBe(false);
    expect(keyFacets.top(0, 5, 10)).toBe(kept);
    // More values than a search reads from a key: counted every time.
    const wide = counted(5);
    expect(keyFacets.keep(0, 5, KEY_FACET_VALUES + 1, wide)).toBe(wide);
    expect(keyFacets.top(0, 5, KEY_FACET_VALUES + 1)).toBeUndefined();
  });

  it("keep a bounded number of counted keys, dropping the oldest", () => {
    const values = Object.fromEntries(FACET_NAMES.map((name) => [name, ["a"]])) as Record<FacetName, string[]>;
    const keys = 3000;
    const keyFacets = new KeyFacets([], values, new Array<number>(keys).fill(2));
    const empty = () => Object.fromEntries(FACET_NAMES.map((name) => [name, {}])) as unknown as Facets;
    for (let key = 0; key < keys; key++) keyFacets.keep(key, 2, 10, empty());
    const kept = Array.from({ length: keys }, (_, key) => keyFacets.top(key, 2, 10) !== undefined);
    const count = kept.filter(Boolean).length;
    expect(count).toBeGreaterThan(100);
    expect(count).toBeLessThan(keys);
    // The newest are the ones kept.
    expect(kept.lastIndexOf(false)).toBe(keys - count - 1);
  });

  it("leave every search's answer as counting gives it, and are what a one-word search reads", async () => {
    // Enough records that common words pass the threshold.
    const output = await build(tempProject({ "generated.jsonl": toJsonLines(generateRecords(2500, 3)) }));
    const compiled = output.collection;
    expect(compiled.keyFacets.length).toBeGreaterThan(20);
    const withTable = openCollection(structuredClone(compiled));
    const without = openCollection({ ...structuredClone(compiled), keyFacets: [] });
    const queries = benchQueries(compiled.records);
    const requests: SearchRequest[] = [];
    for (const query of queries)
      for (const facetLimit of [1, 3, KEY_FACET_VALUES, KEY_FACET_VALUES + 1, undefined])
        requests.push({ q: query.q, sort: "relevance", limit: 10, offset: 0, facetLimit, ...query.filters });
    // Strict matching, another order, grouped answers, a role phrase and a synonym group's word.
    for (const q of ["government", "department", "the", "answered by government", "schools", "minister"])
      for (const extra of [{ match: "all" as const }, { sort: "newest" as const }, { collapse: "answer" as const }])
        requests.push({ q, sort: "relevance", limit: 10, offset: 0, facetLimit: 5, ...extra });
    // One word with a filter that leaves out some of its records, before and after the word alone:
    // the key's kept counts must not answer for fewer records, nor fewer for all.
    for (const query of queries.filter(({ kind }) => kind === "rare" || kind === "common"))
      for (const filter of [{ house: "Lords" as const }, { answered: false }, {}])
        requests.push({ q: query.q, sort: "relevance", limit: 10, offset: 0, facetLimit: 10, ...filter });
    const answers = new Map<SearchRequest, string>();
    for (const request of requests) {
      const answer = JSON.stringify(await withTable.search(request));
      expect(answer, request.q).toBe(JSON.stringify(await without.search(request)));
      answers.set(request, answer);
    }
    // The same requests in the other order, on an engine of their own, answer the same.
    const reversed = openCollection(structuredClone(compiled));
    for (const request of [...requests].reverse())
      expect(JSON.stringify(await reversed.search(request)), request.q).toBe(answers.get(request));

    // The table is read: the common words' keys are listed exactly when common enough, and a
    // wrong count in a listed key's counts shows in its search.
    const keyPosition = new Map(compiled.keys.map((key, at) => [key, at]));
    const listed = new Map(compiled.keyFacets.map((list, at) => [list[0] as number, at]));
    let tamperedQuery: string | undefined;
    for (const query of queries.filter(({ kind }) => kind === "common")) {
      const keys = await withTable.plannedKeys(query.q);
      const position = keyPosition.get(keys[0] as string) as number;
      expect(listed.has(position), query.q).toBe((compiled.keyDf[position] as number) >= KEY_FACETS_FROM);
      if (listed.has(position)) tamperedQuery ??= query.q;
    }
    expect(tamperedQuery).toBeDefined();
    const q = tamperedQuery as string;
    const tampered = structuredClone(compiled) as CompiledCollection;
    const position = keyPosition.get((await withTable.plannedKeys(q))[0] as string) as number;
    const list = tampered.keyFacets[listed.get(position) as number] as number[];
    // [key, records, values kept for `house`, its first code, that code's records, ...]
    list[4] = (list[4] as number) + 1;
    const request: SearchRequest = { q, sort: "relevance", limit: 10, offset: 0, facetLimit: 10 };
    const [told, counted] = await Promise.all([openCollection(tampered).search(request), without.search(request)]);
    expect(told.total).toBe(counted.total);
    expect(JSON.stringify(told.facets)).not.toBe(JSON.stringify(counted.facets));
  }, 60_000);
});
