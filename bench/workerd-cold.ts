/**
 * Cold start inside workerd, measured from outside. Workers freeze `performance.now()` during
 * synchronous work (local workerd does too: the Worker's own Server-Timing `hydrate` reads 0),
 * so the Worker cannot time its own hydration. Instead we run `workerd serve` directly on the
 * bundle `wrangler deploy --dry-run` produced, and time spawn → first successful response
 * (polling every 5 ms): workerd compiles the module and runs its top level — our hydration —
 * before that answer. The same for a one-line Worker is subtracted, leaving what this Worker's
 * cold isolate costs beyond workerd's own start-up. Medians of three runs each.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../test/support/free-port";
import { median, nowMs, round } from "./measure";

const WORKERD = resolve(import.meta.dirname, "../node_modules/@cloudflare/workerd-linux-64/bin/workerd");
const TRIVIAL = 'export default { fetch() { return new Response("ok"); } };\n';

function capnpConfig(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "index.js", esModule = embed "index.js") ],
  compatibilityDate = "2026-11-01",
  bindings = [ (name = "CORS_ALLOW_ORIGINS", text = "*"), (name = "CACHE_MAX_AGE", text = "300") ],
);
`;
}

/** Milliseconds from spawning workerd on `script` to its first successful answer to /v1/meta. */
async function timeToFirstAnswer(scriptPath: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "pqsearch-workerd-"));
  copyFileSync(scriptPath, join(dir, "index.js"));
  const port = await freePort();
  writeFileSync(join(dir, "config.capnp"), capnpConfig(port));
  const started = nowMs();
  const child = spawn(WORKERD, ["serve", join(dir, "config.capnp"), "--experimental"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}: ${errors.slice(-2000)}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/v1/meta`);
        await response.arrayBuffer();
        if (response.ok) return nowMs() - started;
      } catch {
        await new Promise((done) => setTimeout(done, 5));
      }
    }
    throw new Error(`workerd did not answer within 60 s: ${errors.slice(-2000)}`);
  } finally {
    child.kill("SIGKILL");
  }
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
