/**
 * What the judged-set harness needs of a search engine: a ranked list of record ids for a query
 * and filters, and how many records matched. pqsearch and each peer are adapted to this.
 */
import type { CompiledCollection } from "../../src/engine";
import type { QueryFilters } from "../filters";

export interface Ranking {
  ids: string[];
  /** Records matching the query and filters (0 = the engine found nothing). */
  total: number;
}

export interface RankingEngine {
  readonly name: string;
  /** Asynchronous because pqsearch's engine is (a sharded collection may fetch); peers answer at once. */
  search(q: string, filters: QueryFilters | undefined, limit: number): Ranking | Promise<Ranking>;
}

export type EngineFactory = (collection: CompiledCollection) => RankingEngine | Promise<RankingEngine>;
