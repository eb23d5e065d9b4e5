/**
 * Timing one way of answering the benchmark queries (a side): warmed up, then a kind's queries
 * timed one by one. Used where the engine runs: in an engine host process (engine-host.ts) or in
 * the bench's own process (the sharded collection, timed alone).
 */
import { collectYoungGarbage, nowMs } from "./measure";
import type { BenchQuery, QueryKind } from "./queries";

/** One way of answering a query (an engine and its options); returns the number of matches. */
export type RunQuery = (query: BenchQuery) => number | Promise<number>;

/** Warm-up before timing an engine: at least this long, and at least one pass over every query. */
export const WARM_UP_MS = 1500;

/** Runs every query until `WARM_UP_MS` have passed, so the JIT has compiled what the timed calls run. */
export async function warmUp(run: RunQuery, queries: readonly BenchQuery[]): Promise<void> {
  const until = nowMs() + WARM_UP_MS;
  do for (const query of queries) await run(query);
  while (nowMs() < until);
}

/** How many of the kind's queries find nothing. */
export async function zeroHits(run: RunQuery, queries: readonly BenchQuery[], kind: QueryKind): Promise<number> {
  let zero = 0;
  for (const query of queries) if (query.kind === kind && (await run(query)) === 0) zero++;
  return zero;
}

/**
 * One pass over the kind's queries, each timed in microseconds, after clearing the young
 * generation so that no earlier garbage falls due inside these calls. pqsearch's calls are
 * awaited, as the Worker awaits them; MiniSearch's are synchronous.
 */
export async function timeKind(run: RunQuery, queries: readonly BenchQuery[], kind: QueryKind): Promise<number[]> {
  collectYoungGarbage();
  const samples: number[] = [];
  for (const query of queries) {
    if (query.kind !== kind) continue;
    const started = process.hrtime.bigint();
    await run(query);
    samples.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  return samples;
}
