/**
 * Facet counting's shortcuts against plain counting: most of the collection matching (the records
 * left out are counted and taken from the whole collection's tally), matches in record order or
 * not, few matches (only the touched slots read out), and a limit on the values returned.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";
import { FACET_NAMES, type FacetName } from "../../src/schema/facets";

/**
 * Each facet's values, and each record's code for them (-1: none), drawn so some values are
 * common. The default shape has no facets few enough to combine; `COMBINED` has four (2, 2, 3 and
 * 4 values) and enough records that counting thousands goes through their combinations.
 */
const PLAIN = { size: 300, values: FACET_NAMES.map((_, f) => 2 + f * 5) };
const COMBINED = { size: 3000, values: [2, 2, 3, 4, 30, 50, 70] };
function tables(seed: number, shape = PLAIN) {
  const SIZE = shape.size;
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const facetValues = {} as Record<FacetName, string[]>;
  const columns = {} as Record<FacetName, Int32Array>;
  FACET_NAMES.forEach((name, f) => {
    const values = Array.from({ length: shape.values[f] as number }, (_, i) => `${name}-${String(i).padStart(3, "0")}`);
    facetValues[name] = values;
    columns[name] = Int32Array.from({ length: SIZE }, () => {
      const pick = next();
      return pick < 0.1 ? -1 : Math.floor(pick * pick * values.length);
    });
  });
  return { facetValues, columns };
}

function plainCounts(t: ReturnType<typeof tables>, docs: number[]) {
  const counts = {} as Record<FacetName, Record<string, number>>;
  for (const name of FACET_NAMES) {
    const into: Record<string, number> = {};
    for (const doc of docs) {
      const code = t.columns[name][doc] as number;
      if (code < 0) continue;
      const value = t.facetValues[name][code] as string;
      into[value] = (into[value] ?? 0) + 1;
    }
    counts[name] = into;
  }
  return counts;
}

describe("facet tally", () => {
  it.each([
    ["no combined facets", PLAIN],
    ["four combined facets", COMBINED],
  ])("counts every value as plain counting does, for any share of the records in any order (%s)", (_, shape) => {
    const t = tables(7, shape);
    const tally = new internals.FacetTally(t.facetValues, t.columns);
    const SIZE = shape.size;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: SIZE - 1 }), { maxLength: SIZE, size: "max" }),
        fc.boolean(),
        (picked, ordered) => {
          const docs = ordered ? [...picked].sort((a, b) => a - b) : picked;
          const counted = tally.count(Int32Array.from(docs), docs.length);
          const wanted = plainCounts(t, docs);
          for (const name of FACET_NAMES) expect({ ...counted[name] }).toEqual(wanted[name]);
        },
      ),
      { numRuns: shape === PLAIN ? 300 : 100, endOnFailure: true },
    );
  });

  it("returns each facet's most matched values under a limit, ties in the collection's order", () => {
    const t = tables(11);
    const tally = new internals.FacetTally(t.facetValues, t.columns);
    const SIZE = PLAIN.size;
    for (const share of [0.02, 0.4, 0.9]) {
      const docs = Array.from({ length: SIZE }, (_, doc) => doc).filter((doc) => (doc * 7919) % 100 < share * 100);
      const counted = tally.count(Int32Array.from(docs), docs.length, 3);
      const wanted = plainCounts(t, docs);
      for (const name of FACET_NAMES) {
        const best = Object.entries(wanted[name])
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, 3);
        expect(Object.entries(counted[name])).toEqual(best);
      }
    }
  });

  it("keeps values named like Object's properties as ordinary keys, on objects with no prototype", () => {
    // Names a plain object would misread: `__proto__` is a setter, the rest are inherited.
    const names = ["__proto__", "constructor", "toString", "plain"];
    const facetValues = {} as Record<FacetName, string[]>;
    const columns = {} as Record<FacetName, Int32Array>;
    for (const name of FACET_NAMES) {
      facetValues[name] = [...names].sort();
      // Every value on some records: record `doc` holds value `doc % 4`.
      columns[name] = Int32Array.from({ length: 40 }, (_, doc) => doc % names.length);
    }
    const tally = new internals.FacetTally(facetValues, columns);
    // Few matches (slots read as touched) and all of them (every slot read), with and without a limit.
    for (const docs of [[0, 1, 2, 3, 5], Array.from({ length: 40 }, (_, doc) => doc)])
      for (const limit of [undefined, 10]) {
        const counted = tally.count(Int32Array.from(docs), docs.length, limit);
        for (const name of FACET_NAMES) {
          const facet = counted[name];
          expect(Object.getPrototypeOf(facet)).toBeNull();
          expect(Object.keys(facet).sort()).toEqual([...names].sort());
          for (const value of names) expect(Object.hasOwn(facet, value), value).toBe(true);
          expect(facet.hasOwnProperty).toBeUndefined();
          expect(JSON.parse(JSON.stringify(facet))).toEqual(Object.fromEntries(Object.entries(facet)));
        }
      }
  });
});
