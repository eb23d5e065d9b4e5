/**
 * Cold start inside workerd, measured from outside. Workers freeze `performance.now()` during
 * synchronous work (local workerd does too: the Worker's own Server-Timing `hydrate` reads 0),
 * so the Worker cannot time its own hydration. Instead we run `workerd serve` directly on the
 * bundle `wrangler deploy --dry-run` produced, and time spawn → first successful response
 * (polling every 5 ms): workerd compiles the module and runs its top level — our hydration —
 * before that answer. The same for a one-line Worker is subtracted, leaving what this Worker's
 * cold isolate costs beyond workerd's own start-up. Then the fresh isolate's first search (for a
 * sharded collection: fetching and importing its indexes, then one page of records, from ASSETS
 * on disk): with the isolate's cost it is a cold first answer as one figure. Medians of three
 * runs each.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, nowMs, round } from "./measure";
import { startWorkerd } from "./workerd-serve";

const TRIVIAL = 'export default { fetch() { return new Response("ok"); } };\n';

/**
 * Milliseconds from spawning workerd on `script` to its first successful answer to /v1/meta, and
 * (with `searchPath`) of the first search the same isolate then answers.
 */
async function timeToFirstAnswer(
  scriptPath: string,
  searchPath?: string,
  assetsDir?: string,
): Promise<{ readyMs: number; searchMs: number }> {
  const server = await startWorkerd(scriptPath, { pollMs: 5, assetsDir });
  try {
    if (searchPath === undefined) return { readyMs: server.readyMs, searchMs: 0 };
    const started = nowMs();
    const response = await fetch(`${server.url}${searchPath}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`pqsearch bench: ${searchPath} answered ${response.status} on a fresh isolate`);
    return { readyMs: server.readyMs, searchMs: nowMs() - started };
  } finally {
    server.stop();
  }
}

export interface WorkerdCold {
  firstAnswerMs: number;
  baselineFirstAnswerMs: number;
  /** firstAnswerMs − baselineFirstAnswerMs: compile plus hydration of this Worker's module. */
  coldIsolateMs: number;
  /** The fresh isolate's first /v1/search, after its first /v1/meta. */
  firstSearchMs: number;
  /** coldIsolateMs + firstSearchMs: a search meeting a cold isolate, beyond workerd's own start. */
  coldFirstSearchMs: number;
}

/** `bundleDir` holds the dry-run's index.js; `assetsDir` is bound as ASSETS when given. */
export async function measureWorkerdCold(
  bundleDir: string,
  searchPath: string,
  assetsDir?: string,
  runs = 3,
): Promise<WorkerdCold> {
  const trivialPath = join(mkdtempSync(join(tmpdir(), "pqsearch-trivial-")), "index.js");
  writeFileSync(trivialPath, TRIVIAL);
  const ours: number[] = [];
  const searches: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < runs; run++) {
    baseline.push((await timeToFirstAnswer(trivialPath)).readyMs);
    const cold = await timeToFirstAnswer(join(bundleDir, "index.js"), searchPath, assetsDir);
    ours.push(cold.readyMs);
    searches.push(cold.searchMs);
  }
  const coldIsolateMs = median(ours) - median(baseline);
  return {
    firstAnswerMs: round(median(ours)),
    baselineFirstAnswerMs: round(median(baseline)),
    coldIsolateMs: round(coldIsolateMs),
    firstSearchMs: round(median(searches)),
    coldFirstSearchMs: round(coldIsolateMs + median(searches)),
  };
}
