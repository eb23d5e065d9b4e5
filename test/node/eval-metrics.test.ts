/**
 * The ranking metrics `npm run eval` reports, checked against figures worked out by hand, and the
 * filter semantics the peers and the graders share.
 */
import { describe, expect, it } from "vitest";
import { passesFilters } from "../../eval/filters";
import { ndcgAt, precisionAt, rankOfBest, recallAt, reciprocalRankOfBest } from "../../eval/metrics";
import type { QuestionRecord } from "../../src/schema/record";

// Ranked a, b, c; graded a = 1, b = 0, c = 3, and d = 2 (not ranked).
const judgements = new Map([
  ["a", 1],
  ["b", 0],
  ["c", 3],
  ["d", 2],
]);
const ranked = ["a", "b", "c"];

describe("ranking metrics", () => {
  it("computes NDCG@10 with gain 2^grade − 1 against the ideal order of all graded records", () => {
    // DCG = (2¹−1)/log₂2 + 0/log₂3 + (2³−1)/log₂4 = 1 + 0 + 3.5 = 4.5
    // IDCG = (2³−1)/log₂2 + (2²−1)/log₂3 + (2¹−1)/log₂4 = 7 + 1.892789 + 0.5 = 9.392789
    expect(ndcgAt(10, ranked, judgements)).toBeCloseTo(4.5 / 9.392789, 5);
    expect(ndcgAt(10, ["c", "d", "a"], judgements)).toBeCloseTo(1, 10);
  });

  it("cuts NDCG at k: records ranked below k earn nothing", () => {
    // Top 2 are a and b: DCG = 1; the ideal top 2 is c, d: 7 + 3/log₂3.
    expect(ndcgAt(2, ranked, judgements)).toBeCloseTo(1 / (7 + 3 / Math.log2(3)), 5);
  });

  it("takes the reciprocal rank of the first record at the best grade present, not of any relevant one", () => {
    expect(rankOfBest(ranked, judgements)).toBe(3);
    expect(reciprocalRankOfBest(ranked, judgements)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRankOfBest(["a", "d"], judgements)).toBe(0);
    expect(rankOfBest(["a", "d"], judgements)).toBeNull();
  });

  it("counts P@5 over five places, relevant from grade 2 up, with unjudged records as not relevant", () => {
    expect(precisionAt(5, ranked, judgements, 2)).toBeCloseTo(1 / 5, 10);
    expect(precisionAt(5, ["c", "d", "x", "a", "b"], judgements, 2)).toBeCloseTo(2 / 5, 10);
    expect(precisionAt(5, ["c", "d", "x", "a", "b"], judgements, 1)).toBeCloseTo(3 / 5, 10);
  });

  it("gives recall@k over every record graded above 0", () => {
    expect(recallAt(10, ranked, judgements)).toBeCloseTo(2 / 3, 10);
  });
});

const record = {
  id: "r1",
  house: "Lords",
  askingMember: { name: "Baroness Tonge", party: "Non-affiliated", memberFrom: "Life peer" },
  questionText: "…",
  dateTabled: "2021-01-18",
  answered: true,
  answer: { answeringMember: null, dateAnswered: "2021-02-01", text: "…" },
  heading: "Gaza: Israel",
  answeringBody: "Foreign, Commonwealth and Development Office",
  sources: [{ file: "x.json", line: 1 }],
} as QuestionRecord;

describe("the filters the peers and the graders apply", () => {
  it("keeps a record that matches every filter and drops one that fails any", () => {
    expect(
      passesFilters(record, { house: "Lords", party: ["Labour", "Non-affiliated"], heading: ["Gaza: Israel"] }),
    ).toBe(true);
    expect(passesFilters(record, { house: "Commons" })).toBe(false);
    expect(passesFilters(record, { body: ["Home Office"] })).toBe(false);
    expect(passesFilters(record, { answered: false })).toBe(false);
  });

  it("bounds answer dates inclusively and drops unanswered records from a date range", () => {
    expect(passesFilters(record, { from: "2021-02-01", to: "2021-02-01" })).toBe(true);
    expect(passesFilters(record, { from: "2021-02-02" })).toBe(false);
    expect(passesFilters({ ...record, answer: null, answered: false }, { to: "2030-01-01" })).toBe(false);
  });
});
