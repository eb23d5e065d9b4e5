/**
 * Runs judged queries against a collection (the engine's public API) and scores the rankings. Shared by `npm run eval`
 * and the relevance floor test, so the figures in docs/relevance.md are the ones CI guards.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildCollection } from "../index-build/pipeline";
import { type Collection, openCollection } from "../src/engine";
import type { Filters } from "../src/schema/query";
import { type Judgements, ndcgAt, recallAt, reciprocalRankOfBest } from "./metrics";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..");

export interface JudgedQuery {
  q: string;
  /** What the query exercises: plain, typo, stem, prefix, phrase, synonym, member, filter… */
  kind: string;
  filters?: Partial<Filters>;
  judgements: Record<string, number>;
}

export interface JudgedSet {
  /** Seed directory, relative to the project root. */
  collection: string;
  note: string;
  queries: JudgedQuery[];
}

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

export function loadJudgedSet(name: string): JudgedSet {
  return JSON.parse(readFileSync(resolve(PROJECT_ROOT, "eval/judged", `${name}.json`), "utf8")) as JudgedSet;
}

export async function engineFor(set: JudgedSet): Promise<Collection> {
  const { collection } = await buildCollection({
    seedsDir: resolve(PROJECT_ROOT, set.collection),
    projectRoot: PROJECT_ROOT,
  });
  return openCollection(collection);
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
    const judgements: Judgements = new Map(Object.entries(query.judgements));
    const best = Math.max(0, ...judgements.values());
    const bestIndex = ranked.findIndex((id) => judgements.get(id) === best);
    outcomes.push({
      query,
      ranked,
      ndcg: ndcgAt(10, ranked, judgements),
      reciprocalRank: reciprocalRankOfBest(ranked, judgements),
      recall: recallAt(10, ranked, judgements),
      bestRank: bestIndex < 0 ? null : bestIndex + 1,
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
