/**
 * `npm run bench:fetch`: `npm run fetch` against the replay server serving the 1,003 questions
 * saved in ../shared/corpora (PQSEARCH_CORPORA), on loopback: a first full fetch, a second
 * (incremental) run that finds nothing new, a full re-fetch, and a full fetch through injected
 * faults (a 429 with Retry-After: 1, a burst of three 503s, a dropped connection, a timeout).
 * Requests and retries are exact; times are medians of three runs on a possibly shared machine.
 */
import { runFetch } from "../index-build/fetch/run";
import { corporaMissing, corporaPool, fetchProject } from "../test/support/replay-pools";
import { type FaultRule, ReplayServer } from "../test/support/replay-server";

const RUNS = 3;
const SOURCE = { name: "corpora", query: { tabledWhenFrom: "2020-01-01" } };
const API = { pageSize: 100, concurrency: 4, retryBaseSeconds: 0.5, timeoutSeconds: 2 };
const FAULTS = (): FaultRule[] => [
  { match: /skip=200&/, times: 1, fault: { kind: "status", status: 429, retryAfter: "1" } },
  { match: /skip=300&/, times: 3, fault: { kind: "status", status: 503 } },
  { match: /skip=500&/, times: 1, fault: { kind: "drop" } },
  { match: /questions\/1282662/, times: 1, fault: { kind: "timeout" } },
];

if (corporaMissing) {
  console.log(`skipped: ${corporaMissing}`);
  process.exit(0);
}

const rows = new Map<string, { seconds: number[]; requests: number; retries: number }>();
async function timed(label: string, server: ReplayServer, root: string, full = false) {
  const started = performance.now();
  const run = await runFetch({ projectRoot: root, baseUrl: server.url, full });
  const row = rows.get(label) ?? { seconds: [], requests: run.stats.requests, retries: run.stats.retries };
  row.seconds.push((performance.now() - started) / 1000);
  rows.set(label, row);
}

for (let i = 0; i < RUNS; i++) {
  const server = new ReplayServer(corporaPool());
  await server.start();
  const root = fetchProject({ sources: [SOURCE], api: API });
  await timed("first full fetch", server, root);
  await timed("second run, nothing new", server, root);
  await timed("full re-fetch, nothing new", server, root, true);
  await server.close();
  const faulty = new ReplayServer(corporaPool(), FAULTS());
  await faulty.start();
  await timed("first full fetch through faults", faulty, fetchProject({ sources: [SOURCE], api: API }));
  await faulty.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log("| run | requests | retries | seconds (median of 3) |\n| --- | --- | --- | --- |");
for (const [label, row] of rows)
  console.log(`| ${label} | ${row.requests} | ${row.retries} | ${median(row.seconds).toFixed(2)} |`);
