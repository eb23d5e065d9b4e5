/**
 * pqsearch alone on a judged set, for the callers that drive the engine directly: the regression
 * floors in test/node/relevance.test.ts, the seed tests and `npm run eval:latency`. Everything
 * else (peers side by side, kinds) is in score.ts and `npm run eval`.
 */
import type { Collection } from "../src/engine";
import { loadCollection } from "./collections";
import { pqsearchEngine } from "./engines/pqsearch";
import { type JudgedQuery, type JudgedSet, judgementsOf } from "./judged-set";
import { ndcgAt, rankOfBest, recallAt, reciprocalRankOfBest } from "./metrics";

export { PROJECT_ROOT } from "./collections";
export { type JudgedQuery, type JudgedSet, loadJudgedSet } from "./judged-set";

export interface QueryOutcome {
  query: JudgedQuery;
  ranked: string[];
  ndcg: number;
  reciprocalRank: number;
  recall: number;
  /** 1-based rank of the first best-graded record; null when it is not returned at all. */
  bestRank: number | null;
}

export interface SetOutcome {
  name: string;
  outcomes: QueryOutcome[];
  ndcg: number;
  mrr: number;
  recall: number;
  /** Queries whose best-graded record is not in the top 3. */
  bestOutsideTop3: number;
}

export async function engineFor(set: JudgedSet): Promise<Collection> {
  return pqsearchEngine(await loadCollection(set.collection));
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

export async function evaluateSet(name: string, set: JudgedSet, engine: Collection): Promise<SetOutcome> {
  const outcomes: QueryOutcome[] = [];
  for (const query of set.queries) {
    const { hits } = await engine.search({
      answered: undefined,
      ...query.filters,
      q: query.q,
      sort: "relevance",
      limit: 10,
      offset: 0,
    });
    const ranked = hits.map((hit) => hit.id);
    const judgements = judgementsOf(query);
    outcomes.push({
      query,
      ranked,
      ndcg: ndcgAt(10, ranked, judgements),
      reciprocalRank: reciprocalRankOfBest(ranked, judgements),
      recall: recallAt(10, ranked, judgements),
      bestRank: rankOfBest(ranked, judgements),
    });
  }
  return {
    name,
    outcomes,
    ndcg: mean(outcomes.map((outcome) => outcome.ndcg)),
    mrr: mean(outcomes.map((outcome) => outcome.reciprocalRank)),
    recall: mean(outcomes.map((outcome) => outcome.recall)),
    bestOutsideTop3: outcomes.filter((outcome) => outcome.bestRank === null || outcome.bestRank > 3).length,
  };
}
