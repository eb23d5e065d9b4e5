/**
 * Starts the Worker under `wrangler dev` (workerd, no Cloudflare account) on a free loopback port
 * and stops it again. Used by browser tests, the load script and benchmarks. Everything the server
 * prints is kept (and, with `logFile`, appended to a file other processes can read), so a failing
 * test or a 5xx can show what the server said at the time.
 *
 * Each server keeps its local state (the simulated rate limiter's counts, the cache) in a fresh
 * directory of its own, removed on stop. In the shared default, .wrangler/state, two servers at
 * once (tests beside `npm start` or a benchmark) lock each other's SQLite files: the limiter
 * binding then throws ("database is locked") and the Worker answers 500. Counts left there by an
 * earlier run would also count against this one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { freePort } from "./free-port";

export interface DevServer {
  url: string;
  stop(): Promise<void>;
  /** Spawn to the first successful /v1/meta, wrangler's bundling included. */
  readyMs: number;
  /** The fresh isolate's first successful response: its latency and its Server-Timing header. */
  firstResponse: { ms: number; serverTiming: string };
  /** Everything wrangler dev has printed so far, stdout and stderr interleaved. */
  output(): string;
}

export interface DevServerOptions {
  vars?: Record<string, string>;
  timeoutMs?: number;
  /** How often to ask whether the server is up; benchmarks poll often to time the cold start. */
  pollMs?: number;
  /** "info" adds one line per request ("GET /x 500 Internal Server Error (3ms)"); default "warn". */
  logLevel?: "warn" | "info" | "debug";
  /** Also append the output to this file (created afresh), for test workers in other processes. */
  logFile?: string;
}

const ROOT = resolve(import.meta.dirname, "../..");

export async function startWranglerDev(options: DevServerOptions = {}): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), "pqsearch-wrangler-state-"));
  const spawned = performance.now();
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--show-interactive-dev-session=false",
    "--persist-to",
    state,
    "--log-level",
    options.logLevel ?? "warn",
  ];
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  const child: ChildProcess = spawn(resolve(ROOT, "node_modules/.bin/wrangler"), args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const { logFile } = options;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, "");
  }
  let output = "";
  const record = (text: string) => {
    output += text;
    if (logFile) appendFileSync(logFile, text);
  };
  child.stdout?.on("data", (chunk) => record(String(chunk)));
  child.stderr?.on("data", (chunk) => record(String(chunk)));
  let stopping = false;
  // The server has its own process group (so one signal stops workerd too); if this process ends
  // without stop() (a killed test run skips teardown), take the group with it rather than orphan it.
  const killGroup = () => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", killGroup);
  // A server that dies mid-run fails every later test with "connection refused"; say why once.
  child.on("exit", (code, signal) => {
    if (!stopping) record(`\n[wrangler-dev helper] wrangler dev exited on its own (code ${code}, signal ${signal})\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = new Promise((done) => child.once("exit", done));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    }
    process.off("exit", killGroup);
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      rmSync(state, { recursive: true, force: true });
      throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const asked = performance.now();
      const response = await fetch(`${url}/v1/meta`);
      await response.arrayBuffer();
      if (response.ok) {
        const answered = performance.now();
        const serverTiming = response.headers.get("server-timing") ?? "";
        return {
          url,
          stop,
          readyMs: answered - spawned,
          firstResponse: { ms: answered - asked, serverTiming },
          output: () => output,
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, options.pollMs ?? 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within the timeout:\n${output}`);
}
