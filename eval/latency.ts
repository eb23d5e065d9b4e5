/**
 * `npm run eval:latency`: median engine time per query, grouped by the feature each judged query
 * exercises (typo, prefix, phrase…), over the seed collection. A command, not a test: timings
 * depend on the machine. Quote medians from one run and say whether the machine was shared.
 *
 *   tsx eval/latency.ts [rounds]
 */
import { engineFor, loadJudgedSet } from "./evaluate";

const rounds = Number(process.argv[2] ?? 300);
const set = loadJudgedSet("seed");
const engine = await engineFor(set);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const byKind = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const query of set.queries) {
    const request = {
      answered: undefined,
      ...query.filters,
      q: query.q,
      sort: "relevance" as const,
      limit: 10,
      offset: 0,
    };
    const started = performance.now();
    engine.search(request);
    const micros = (performance.now() - started) * 1000;
    // The first rounds warm the JIT; they are not counted.
    if (round < rounds / 10) continue;
    const samples = byKind.get(query.kind) ?? [];
    samples.push(micros);
    byKind.set(query.kind, samples);
  }
}

console.log(`| kind | queries×rounds | median µs | p99 µs |\n|---|---|---|---|`);
const all: number[] = [];
for (const [kind, samples] of [...byKind].sort(([a], [b]) => (a < b ? -1 : 1))) {
  all.push(...samples);
  const p99 = [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)] as number;
  console.log(`| ${kind} | ${samples.length} | ${median(samples).toFixed(1)} | ${p99.toFixed(1)} |`);
}
console.log(
  `| all | ${all.length} | ${median(all).toFixed(1)} | ${[...all].sort((a, b) => a - b)[Math.floor(all.length * 0.99)]?.toFixed(1)} |`,
);
