/**
 * `npm run eval`: pqsearch and the peers on every judged set (eval/judged/), side by side: NDCG@10,
 * MRR, P@5 and top-3 misses, overall and per kind, then the queries each engine answers with nothing.
 *
 *   tsx eval/run.ts [--set real] [--per-query] [--query "napier"] [--json]
 *
 * --set (repeatable) limits the sets; --per-query lists every query worst first for pqsearch;
 * --query shows, for each query whose text contains the given words, every engine's top 10 with
 * grades; --json prints everything as JSON (for tests and scripts) instead of tables.
 */
import { REAL } from "./collections";
import { loadSets } from "./harness";
import { SET_NAMES } from "./judged-set";
import { perQueryTable, queryDetail, setTable, zeroResultLines } from "./report";
import { type EngineScores, type Summary, scoreSet } from "./score";

const args = process.argv.slice(2);
const values = (flag: string) => args.flatMap((arg, i) => (arg === flag && args[i + 1] ? [args[i + 1] as string] : []));
const names = values("--set").length ? values("--set") : [...SET_NAMES];
const detail = values("--query")[0]?.toLowerCase();
const asJson = args.includes("--json");

const started = performance.now();
const { sets, skipped } = await loadSets(names);
const scored = [];
for (const loaded of sets) {
  const results = [];
  for (const engine of loaded.engines) results.push(await scoreSet(engine, loaded.set));
  scored.push({ ...loaded, results });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const summaryJson = (summary: Summary) => summary;
const engineJson = (result: EngineScores) => ({
  engine: result.engine,
  overall: summaryJson(result.overall),
  byKind: Object.fromEntries(result.byKind),
  zeroResults: result.scores.filter((score) => score.total === 0).map((score) => score.query.q),
  queries: result.scores.map((score) => ({
    q: score.query.q,
    kind: score.query.kind,
    filters: score.query.filters,
    ndcg: score.ndcg,
    reciprocalRank: score.reciprocalRank,
    precisionAt5: score.precisionAt5,
    bestRank: score.bestRank,
    total: score.total,
    ranked: score.ranked,
  })),
});

if (asJson) {
  const out = {
    skipped,
    sets: scored.map(({ name, set, results }) => ({
      name,
      collection: set.collection,
      engines: results.map(engineJson),
    })),
  };
  console.log(JSON.stringify(out, null, 1));
} else {
  for (const { name, reason } of skipped) console.log(`${name}: skipped, ${reason}`);
  for (const { name, set, collection, results } of scored) {
    const records = new Map(collection.records.map((record) => [record.id, record]));
    if (detail !== undefined) {
      set.queries.forEach((query, i) => {
        if (!query.q.toLowerCase().includes(detail)) return;
        const perEngine = results.map((result) => ({ engine: result.engine, score: result.scores[i] as never }));
        console.log(`\n[${name}] ${queryDetail(query, perEngine, records)}`);
      });
      continue;
    }
    const heading =
      set.collection === REAL
        ? `${collection.records.length} records (the seed + the shared corpora's API records)`
        : `${collection.records.length} records (${set.collection})`;
    console.log(`\n${setTable(name, heading, results)}\n\n${zeroResultLines(results)}`);
    if (args.includes("--per-query")) console.log(`\n${perQueryTable(results)}`);
  }
  console.log(`\n(${sets.length} sets, ${sets[0]?.engines.length ?? 0} engines, ${seconds} s)`);
}
