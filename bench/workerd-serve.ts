/**
 * Serves a bundle with `workerd serve` directly: no wrangler, no proxy in front. The capnp config
 * gives the Worker its text vars (rate limiting off: there is no limiter binding here) and, when
 * asked, ASSETS as a read-only disk service over the built asset directory, which is all a sharded
 * collection fetches. Used for the cold-start and the direct latency figures.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../test/support/free-port";
import { nowMs } from "./measure";

const WORKERD = resolve(import.meta.dirname, "../node_modules/@cloudflare/workerd-linux-64/bin/workerd");

export interface WorkerdOptions {
  /** Directory served as the ASSETS binding (src/generated/assets for a sharded collection). */
  assetsDir?: string;
  /** How often to ask whether it is up; the cold-start figure polls often. */
  pollMs?: number;
}

export interface WorkerdServer {
  url: string;
  /** Spawn to the first successful /v1/meta: workerd's start plus compiling and hydrating the module. */
  readyMs: number;
  stop(): void;
}

function capnpConfig(port: number, assetsDir: string | undefined): string {
  const assets = assetsDir
    ? {
        service: `, (name = "assets", disk = (path = ${JSON.stringify(assetsDir)}, writable = false))`,
        binding: `, (name = "ASSETS", service = "assets")`,
      }
    : { service: "", binding: "" };
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker)${assets.service} ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "index.js", esModule = embed "index.js") ],
  compatibilityDate = "2026-11-01",
  bindings = [ (name = "CORS_ALLOW_ORIGINS", text = "*"), (name = "CACHE_MAX_AGE", text = "300"), (name = "RATE_LIMIT", text = "off")${assets.binding} ],
);
`;
}

/** Starts workerd on the module at `scriptPath` and resolves once /v1/meta answers 2xx. */
export async function startWorkerd(scriptPath: string, options: WorkerdOptions = {}): Promise<WorkerdServer> {
  const dir = mkdtempSync(join(tmpdir(), "pqsearch-workerd-"));
  copyFileSync(scriptPath, join(dir, "index.js"));
  const port = await freePort();
  writeFileSync(join(dir, "config.capnp"), capnpConfig(port, options.assetsDir));
  const started = nowMs();
  const child = spawn(WORKERD, ["serve", join(dir, "config.capnp"), "--experimental"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}: ${errors.slice(-2000)}`);
    try {
      const response = await fetch(`${url}/v1/meta`);
      await response.arrayBuffer();
      if (response.ok) return { url, readyMs: nowMs() - started, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, options.pollMs ?? 25));
  }
  stop();
  throw new Error(`workerd did not answer within 60 s: ${errors.slice(-2000)}`);
}
