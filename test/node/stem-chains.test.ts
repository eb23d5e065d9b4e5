/**
 * Stem chains (src/engine/stem-chains.ts) against reading every word: the words holding a stem,
 * in text order, for texts of every length up to a table's edges and stems present or absent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";

const { appendStem, chainStems } = internals;

function positions(stemIds: Uint32Array, id: number): number[] {
  const found: number[] = [];
  stemIds.forEach((held, at) => {
    if (held === id) found.push(at);
  });
  return found;
}

function chained(stemIds: Uint32Array, id: number): number[] {
  const found = new Int32Array(stemIds.length + 1).fill(-7);
  const n = appendStem(chainStems(stemIds), stemIds, id, found, 1);
  expect(found[0]).toBe(-7);
  return Array.from(found.subarray(1, n));
}

describe("stem chains", () => {
  it("find every word holding a stem, in text order, and nothing for a stem the text lacks", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 300 }),
        fc.nat(45),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (ids, wanted, scale) => {
          // Scaled, so stem numbers spread over the hash's whole range as well as crowding its low end.
          const stemIds = Uint32Array.from(ids, (id) => (id * scale) >>> 0);
          const id = (wanted * scale) >>> 0;
          expect(chained(stemIds, id)).toEqual(positions(stemIds, id));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keep a free slot when every word is a different stem, at each power of two", () => {
    for (const words of [1, 2, 3, 4, 7, 8, 9, 255, 256, 257, 1024]) {
      const stemIds = Uint32Array.from({ length: words }, (_, at) => at * 7919);
      expect(chainStems(stemIds).slots.length).toBeGreaterThan(words);
      for (const at of [0, words >> 1, words - 1]) expect(chained(stemIds, at * 7919)).toEqual([at]);
      expect(chained(stemIds, 3)).toEqual([]);
    }
  });

  it("chain a text that is one stem throughout", () => {
    const stemIds = new Uint32Array(5000).fill(42);
    expect(chained(stemIds, 42)).toEqual(Array.from({ length: 5000 }, (_, at) => at));
  });
});
