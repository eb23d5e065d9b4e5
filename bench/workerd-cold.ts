/**
 * Cold start inside workerd, measured from outside. Workers freeze `performance.now()` during
 * synchronous work (local workerd does too: the Worker's own Server-Timing `hydrate` reads 0),
 * so the Worker cannot time its own hydration. Instead we run `workerd serve` directly on the
 * bundle `wrangler deploy --dry-run` produced, and time spawn → first successful response
 * (polling every 5 ms): workerd compiles the module and runs its top level — our hydration —
 * before that answer. The same for a one-line Worker is subtracted, leaving what this Worker's
 * cold isolate costs beyond workerd's own start-up. Medians of three runs each.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, round } from "./measure";
import { startWorkerd } from "./workerd-serve";

const TRIVIAL = 'export default { fetch() { return new Response("ok"); } };\n';

/** Milliseconds from spawning workerd on `script` to its first successful answer to /v1/meta. */
async function timeToFirstAnswer(scriptPath: string): Promise<number> {
  const server = await startWorkerd(scriptPath, { pollMs: 5 });
  server.stop();
  return server.readyMs;
}

export interface WorkerdCold {
  firstAnswerMs: number;
  baselineFirstAnswerMs: number;
  /** firstAnswerMs − baselineFirstAnswerMs: compile plus hydration of this Worker's module. */
  coldIsolateMs: number;
}

/** `bundleDir` holds the dry-run's index.js. */
export async function measureWorkerdCold(bundleDir: string, runs = 3): Promise<WorkerdCold> {
  const trivialPath = join(mkdtempSync(join(tmpdir(), "pqsearch-trivial-")), "index.js");
  writeFileSync(trivialPath, TRIVIAL);
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < runs; run++) {
    baseline.push(await timeToFirstAnswer(trivialPath));
    ours.push(await timeToFirstAnswer(join(bundleDir, "index.js")));
  }
  return {
    firstAnswerMs: round(median(ours)),
    baselineFirstAnswerMs: round(median(baseline)),
    coldIsolateMs: round(median(ours) - median(baseline)),
  };
}
