/**
 * Starts the Worker under `wrangler dev` (workerd, no Cloudflare account) on a free loopback port
 * and stops it again. Used by browser tests, the load script and benchmarks.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "./free-port";

export interface DevServer {
  url: string;
  stop(): Promise<void>;
  /** Spawn to the first successful /v1/meta, wrangler's bundling included. */
  readyMs: number;
  /** The fresh isolate's first successful response: its latency and its Server-Timing header. */
  firstResponse: { ms: number; serverTiming: string };
}

export interface DevServerOptions {
  vars?: Record<string, string>;
  timeoutMs?: number;
  /** How often to ask whether the server is up; benchmarks poll often to time the cold start. */
  pollMs?: number;
}

const ROOT = resolve(import.meta.dirname, "../..");

export async function startWranglerDev(options: DevServerOptions = {}): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
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
    "--log-level",
    "warn",
  ];
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  const child: ChildProcess = spawn(resolve(ROOT, "node_modules/.bin/wrangler"), args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((done) => child.once("exit", done));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      const asked = performance.now();
      const response = await fetch(`${url}/v1/meta`);
      await response.arrayBuffer();
      if (response.ok) {
        const answered = performance.now();
        const serverTiming = response.headers.get("server-timing") ?? "";
        return { url, stop, readyMs: answered - spawned, firstResponse: { ms: answered - asked, serverTiming } };
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, options.pollMs ?? 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within the timeout:\n${output}`);
}
