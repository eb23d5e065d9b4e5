/**
 * Scores one engine on one judged set: per query NDCG@10, reciprocal rank of the best answer,
 * P@5 (grade ≥ 2 counts as relevant) and where the best answer ranks; per kind and overall, the
 * means, the top-3 misses (best answer not in the top 3) and the queries with no results.
 */
import type { RankingEngine } from "./engines/ranking-engine";
import { type JudgedQuery, type JudgedSet, judgementsOf } from "./judged-set";
import { type Judgements, ndcgAt, precisionAt, rankOfBest, reciprocalRankOfBest } from "./metrics";

export const DEPTH = 10;
/** P@5 counts a record relevant from this grade up: "about the subject" or better. */
export const RELEVANT_GRADE = 2;

export interface QueryScore {
  query: JudgedQuery;
  ranked: string[];
  total: number;
  ndcg: number;
  reciprocalRank: number;
  precisionAt5: number;
  /** 1-based rank of the first best-graded record; null when it is not in the top 10. */
  bestRank: number | null;
  /** Ranked records nobody graded (counted as 0): a sign the pool needs topping up. */
  unjudged: number;
}

export interface Summary {
  queries: number;
  ndcg: number;
  mrr: number;
  precisionAt5: number;
  top3Misses: number;
  zeroResults: number;
  unjudged: number;
}

export async function scoreQuery(engine: RankingEngine, query: JudgedQuery): Promise<QueryScore> {
  const { ids, total } = await engine.search(query.q, query.filters, DEPTH);
  const judgements: Judgements = judgementsOf(query);
  return {
    query,
    ranked: ids,
    total,
    ndcg: ndcgAt(DEPTH, ids, judgements),
    reciprocalRank: reciprocalRankOfBest(ids, judgements),
    precisionAt5: precisionAt(5, ids, judgements, RELEVANT_GRADE),
    bestRank: rankOfBest(ids, judgements),
    unjudged: ids.filter((id) => !judgements.has(id)).length,
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

export function summarise(scores: readonly QueryScore[]): Summary {
  return {
    queries: scores.length,
    ndcg: mean(scores.map((score) => score.ndcg)),
    mrr: mean(scores.map((score) => score.reciprocalRank)),
    precisionAt5: mean(scores.map((score) => score.precisionAt5)),
    top3Misses: scores.filter((score) => score.bestRank === null || score.bestRank > 3).length,
    zeroResults: scores.filter((score) => score.total === 0).length,
    unjudged: scores.reduce((sum, score) => sum + score.unjudged, 0),
  };
}

export interface EngineScores {
  engine: string;
  scores: QueryScore[];
  overall: Summary;
  /** Kind → summary, in the order kinds first appear in the set. */
  byKind: Map<string, Summary>;
}

export async function scoreSet(engine: RankingEngine, set: JudgedSet): Promise<EngineScores> {
  const scores: QueryScore[] = [];
  for (const query of set.queries) scores.push(await scoreQuery(engine, query));
  const kinds = new Map<string, QueryScore[]>();
  for (const score of scores) kinds.set(score.query.kind, [...(kinds.get(score.query.kind) ?? []), score]);
  return {
    engine: engine.name,
    scores,
    overall: summarise(scores),
    byKind: new Map([...kinds].map(([kind, list]) => [kind, summarise(list)])),
  };
}
