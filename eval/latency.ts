/**
 * `npm run eval:latency`: median engine time per query over the seed collection, grouped by the
 * feature each judged query exercises (typo, prefix, phrase…), so each feature's cost shows.
 * "rank" asks for no hits (plan, match, filter, order, facets); "page" adds ten hits with their
 * highlights. Each call is awaited, as the Worker awaits it. A command, not a test: quote medians from one run and say whether the machine
 * was shared.
 *
 *   tsx eval/latency.ts [rounds]
 */
import { engineFor, loadJudgedSet } from "./evaluate";

const rounds = Number(process.argv[2] ?? 300);
const warmup = Math.ceil(rounds / 10);
const set = loadJudgedSet("seed");
const engine = await engineFor(set);

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] as number;

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) * 1000;
}

const samples = new Map<string, { rank: number[]; page: number[] }>();
for (let round = 0; round < rounds; round++) {
  for (const query of set.queries) {
    const request = { answered: undefined, ...query.filters, q: query.q, sort: "relevance" as const, offset: 0 };
    const rank = await time(() => engine.search({ ...request, limit: 0 }));
    const page = await time(() => engine.search({ ...request, limit: 10 }));
    if (round < warmup) continue;
    const entry = samples.get(query.kind) ?? { rank: [], page: [] };
    entry.rank.push(rank);
    entry.page.push(page);
    samples.set(query.kind, entry);
  }
}

console.log("| kind | samples | rank p50 µs | rank p99 µs | page p50 µs | page p99 µs |\n|---|---|---|---|---|---|");
const all = { rank: [] as number[], page: [] as number[] };
for (const [kind, entry] of [...samples].sort(([a], [b]) => (a < b ? -1 : 1))) {
  all.rank.push(...entry.rank);
  all.page.push(...entry.page);
  const cells = [entry.rank, entry.rank, entry.page, entry.page].map((values, i) =>
    percentile(values, i % 2 ? 0.99 : 0.5).toFixed(1),
  );
  console.log(`| ${kind} | ${entry.rank.length} | ${cells.join(" | ")} |`);
}
console.log(
  `| all | ${all.rank.length} | ${percentile(all.rank, 0.5).toFixed(1)} | ${percentile(all.rank, 0.99).toFixed(1)} | ${percentile(all.page, 0.5).toFixed(1)} | ${percentile(all.page, 0.99).toFixed(1)} |`,
);

const typed = ["i", "in", "inqu", "Dr Off", "human ri", "mass", "ra", "secretary gen"];
const suggestTimes: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const q of typed) {
    const micros = await time(() => engine.suggest({ q, limit: 8 }));
    if (round >= warmup) suggestTimes.push(micros);
  }
}
console.log(
  `\nsuggest (${typed.length} prefixes × ${rounds - warmup} rounds): p50 ${percentile(suggestTimes, 0.5).toFixed(1)} µs, p99 ${percentile(suggestTimes, 0.99).toFixed(1)} µs`,
);
