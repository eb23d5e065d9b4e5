/**
 * Scoring's two ways of adding a clause to the candidates — walking the clause's records, or
 * looking each candidate up in them when the candidates are few — against plain sums, and the
 * fallback's union put in record order by sorting (few) or by reading stamps (many).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";

const SIZE = 2000;
const impactOf = (docs: number[]) => {
  const sorted = [...new Set(docs)].sort((a, b) => a - b);
  return { docs: Int32Array.from(sorted), weights: Float64Array.from(sorted, (doc) => 1 + (doc % 7) / 10) };
};
const docList = (max: number) =>
  fc.array(fc.integer({ min: 0, max: SIZE - 1 }), { minLength: 1, maxLength: max, size: max > 100 ? "max" : "small" });

describe("scoreboard", () => {
  it("adds a clause to few or many candidates exactly as a plain sum would", () => {
    const board = new internals.Scoreboard(SIZE);
    const out = new Int32Array(SIZE);
    const buffer = new Int32Array(SIZE);
    fc.assert(
      fc.property(docList(40), docList(1500), docList(1500), (first, second, third) => {
        const a = impactOf(first);
        const b = impactOf(second);
        const c = impactOf(third);
        const candidates = board.first([{ impact: a, weight: 2 }], out);
        // A clause of two keys counts its better key once per record.
        board.add([{ impact: b, weight: 1 }], true, buffer, candidates);
        board.add(
          [
            { impact: b, weight: 0.5 },
            { impact: c, weight: 0.7 },
          ],
          true,
          buffer,
          candidates,
        );
        const weightIn = (impact: ReturnType<typeof impactOf>, doc: number) => {
          const at = impact.docs.indexOf(doc);
          return at < 0 ? null : (impact.weights[at] as number);
        };
        for (const doc of candidates) {
          const inB = weightIn(b, doc);
          const inC = weightIn(c, doc);
          const third = Math.max(inB === null ? 0 : 0.5 * inB, inC === null ? 0 : 0.7 * inC);
          const expected = 2 * (weightIn(a, doc) as number) + (inB === null ? 0 : inB) + third;
          expect(board.total[doc]).toBeCloseTo(expected, 12);
          expect(board.clausesMatched[doc]).toBe(1 + (inB === null ? 0 : 1) + (inB === null && inC === null ? 0 : 1));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("puts a fallback's candidates in record order, few or many", () => {
    const board = new internals.Scoreboard(SIZE);
    const candidates = new Int32Array(SIZE);
    const out = new Int32Array(SIZE);
    fc.assert(
      fc.property(docList(1200), docList(1200), (first, second) => {
        board.begin();
        let count = board.include([{ impact: impactOf(first), weight: 1 }], 1, false, candidates, 0, out);
        count = board.include([{ impact: impactOf(second), weight: 1 }], 1, false, candidates, count, out);
        const union = [...new Set([...first, ...second])].sort((a, b) => a - b);
        expect(Array.from(board.inRecordOrder(candidates, count))).toEqual(union);
      }),
      { numRuns: 200 },
    );
  });
});
