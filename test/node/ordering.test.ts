/**
 * The lists every order starts from, against plain comparison sorts: records by date rank, newest
 * or oldest first, unanswered last, source order breaking ties (built by counting, not sorting);
 * and key lookup by binary search over the build's sorted keys, against a Map.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";

describe("date orders", () => {
  it("lists records newest or oldest first, unanswered last, ties in source order", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: 1, maxLength: 60 }), (ranks) => {
        const size = ranks.length;
        // Ranks at or above the size are unanswered records (the build gives them the size).
        const dateOrder = ranks.map((rank) => (rank >= Math.min(size, 10) ? size : rank));
        const ordering = new internals.Ordering(dateOrder);
        const docs = dateOrder.map((_, doc) => doc);
        const newest = (doc: number) => ((dateOrder[doc] as number) >= size ? -1 : (dateOrder[doc] as number));
        const wantNewest = [...docs].sort((a, b) => newest(b) - newest(a) || a - b);
        const wantOldest = [...docs].sort((a, b) => (dateOrder[a] as number) - (dateOrder[b] as number) || a - b);
        expect(ordering.browse("newest", size)).toEqual(wantNewest);
        expect(ordering.browse("oldest", size)).toEqual(wantOldest);
      }),
      { numRuns: 300 },
    );
  });

  it("pages any subset by relevance or date as sorting all of it does, ties and all", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ rank: fc.nat(8), score: fc.constantFrom(0.5, 1, 1.5, 2, 3) }), {
          minLength: 1,
          maxLength: 120,
        }),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom("relevance" as const, "newest" as const, "oldest" as const),
        fc.infiniteStream(fc.boolean()),
        (records, count, sort, keep) => {
          const ordering = new internals.Ordering(records.map(({ rank }) => rank));
          const scores = Float64Array.from(records, ({ score }) => score);
          // A subset in record order, as matching gives.
          const iterator = keep[Symbol.iterator]();
          const docs = Int32Array.from(records.keys()).filter(() => iterator.next().value === true);
          const compare = ordering.comparator(sort, scores);
          const want = Array.from(docs).sort(compare).slice(0, count);
          expect(ordering.top(docs, sort, scores, count)).toEqual(want);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("sorted keys", () => {
  it("finds every key's position and no other string, as a Map of the keys would", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom("a", "b", ">", "~", "é", "z"), maxLength: 5 })),
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", ">", "~", "é", "z"), maxLength: 5 })),
        (unsorted, probes) => {
          const keys = [...unsorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          const lookup = new internals.SortedKeys(keys);
          const map = new Map(keys.map((key, at) => [key, at]));
          for (const key of [...keys, ...probes]) {
            expect(lookup.get(key)).toBe(map.get(key));
            expect(lookup.has(key)).toBe(map.has(key));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
