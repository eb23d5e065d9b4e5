/**
 * The relevance floor: the judged queries of `npm run eval` (eval/judged/) must keep their
 * quality, on the seed and on a second collection shaped differently. A floor, not a timing.
 */
import { describe, expect, it } from "vitest";
import { engineFor, evaluateSet, loadJudgedSet } from "../../eval/evaluate";

describe.each(["seed", "second"])("relevance on the %s collection", (name) => {
  it("keeps NDCG@10 at or above 0.97 and every query's best answer in the top 3", async () => {
    const set = loadJudgedSet(name);
    const result = await evaluateSet(name, set, await engineFor(set));
    const misplaced = result.outcomes
      .filter((outcome) => outcome.bestRank === null || outcome.bestRank > 3)
      .map((outcome) => `${outcome.query.q} (best at ${outcome.bestRank ?? "nowhere"})`);
    expect(misplaced).toEqual([]);
    expect(result.ndcg).toBeGreaterThanOrEqual(0.97);
  });

  it("judges at least a dozen queries covering every kind the engine handles", () => {
    const set = loadJudgedSet(name);
    expect(set.queries.length).toBeGreaterThanOrEqual(name === "seed" ? 40 : 12);
    const kinds = new Set(set.queries.map((query) => query.kind));
    for (const kind of ["typo", "stem", "prefix", "phrase", "synonym", "member", "filter"])
      expect(kinds).toContain(kind);
  });
});
