/**
 * HTTP figures against `wrangler dev` (local workerd), serving whatever src/generated holds.
 *
 * Cold start: Workers (and workerd) freeze `performance.now()` during synchronous work, so the
 * Worker cannot time its own hydration reliably. We time it from outside instead: from spawning
 * `wrangler dev` we poll /v1/meta every 25 ms; the first request that succeeds is the fresh
 * isolate's first response, and its latency less a warm request's is what the cold isolate
 * added (module evaluation, i.e. hydration, when workerd starts the isolate lazily). The Worker's
 * own Server-Timing `hydrate` figure is kept beside it for comparison. For a sharded collection
 * the first search also fetches the indexes from static assets: that is "cold first answer".
 *
 * Warm latency is measured one request at a time on one connection (no queueing), as deployed,
 * simulated rate limiter included. A second `wrangler dev` with RATE_LIMIT=off repeats those
 * figures, showing what the local limiter simulation costs, and takes the load run: under load
 * the limiter's 600 requests a minute would turn most answers into 429s, and the throughput
 * measured would be the limiter's.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { startWranglerDev } from "../test/support/wrangler-dev";
import { type LoadFigures, measureLoad, measureSequential, type SequentialFigures } from "./http-latency";
import { median, nowMs, round } from "./measure";

const ROOT = resolve(import.meta.dirname, "..");

export interface HttpFigures {
  /** Spawn to first successful response (includes wrangler's bundling of the module). */
  readyMs: number;
  /** Latency of the fresh isolate's first response (/v1/meta). */
  firstResponseMs: number;
  warmMetaMs: number;
  /** firstResponseMs − warmMetaMs: what the cold isolate added, seen from outside. */
  coldIsolateMs: number;
  /** What the Worker itself reported (Server-Timing `hydrate`); 0 where the clock was frozen. */
  serverTimingHydrateMs: number | null;
  /** The first search's latency: for a sharded collection it includes fetching the indexes. */
  coldFirstSearchMs: number;
  warmSearchMs: number;
  /** One connection, one request at a time: search paths and /v1/meta. */
  sequential: SequentialFigures;
  /** autocannon against the `wrangler dev` started with RATE_LIMIT=off (see above). */
  load: LoadFigures;
  /** The same one-connection figures from a `wrangler dev` started with RATE_LIMIT=off. */
  rateLimiterOff: SequentialFigures;
}

async function timedFetch(url: string): Promise<{ ms: number; response: Response }> {
  const started = nowMs();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: nowMs() - started, response };
}

export async function measureHttp(searchPaths: string[], seconds: number): Promise<HttpFigures> {
  const figures = await measureWranglerDev(searchPaths);
  return { ...figures, ...(await withoutLimiter(searchPaths, seconds)) };
}

async function measureWranglerDev(searchPaths: string[]): Promise<Omit<HttpFigures, "rateLimiterOff" | "load">> {
  // RATE_LIMIT=on: the shipped "auto" would not limit requests to localhost.
  const server = await startWranglerDev({ timeoutMs: 180_000, pollMs: 25, vars: { RATE_LIMIT: "on" } });
  const { url, firstResponse } = server;
  try {
    const hydrate = /hydrate;dur=([\d.]+)/.exec(firstResponse.serverTiming);
    const warmMeta: number[] = [];
    for (let run = 0; run < 20; run++) warmMeta.push((await timedFetch(`${url}/v1/meta`)).ms);
    const coldSearch = await timedFetch(`${url}${searchPaths[0]}`);
    if (!coldSearch.response.ok) throw new Error(`search answered ${coldSearch.response.status}`);
    const warmSearch: number[] = [];
    for (let run = 0; run < 30; run++)
      warmSearch.push((await timedFetch(`${url}${searchPaths[run % searchPaths.length]}`)).ms);

    // Within the limiter's 600 requests a minute, with the 50 above and the start-up polls.
    const sequential = await measureSequential(url, searchPaths, 120);
    return {
      readyMs: round(server.readyMs, 0),
      firstResponseMs: round(firstResponse.ms, 2),
      warmMetaMs: round(median(warmMeta), 2),
      coldIsolateMs: round(firstResponse.ms - median(warmMeta), 2),
      serverTimingHydrateMs: hydrate ? Number(hydrate[1]) : null,
      coldFirstSearchMs: round(coldSearch.ms, 2),
      warmSearchMs: round(median(warmSearch), 2),
      sequential,
    };
  } finally {
    await server.stop();
  }
}

async function withoutLimiter(
  searchPaths: string[],
  seconds: number,
): Promise<Pick<HttpFigures, "rateLimiterOff" | "load">> {
  const server = await startWranglerDev({ timeoutMs: 180_000, vars: { RATE_LIMIT: "off" } });
  try {
    const rateLimiterOff = await measureSequential(server.url, searchPaths);
    return { rateLimiterOff, load: await measureLoad(server.url, searchPaths, seconds) };
  } finally {
    await server.stop();
  }
}

/** `wrangler deploy --dry-run`: the upload size wrangler reports (what Cloudflare's limit applies to). */
export async function dryRunUpload(outDir: string): Promise<{ uploadKiB: number; gzipKiB: number } | null> {
  const child = spawn(resolve(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outDir], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const status = await new Promise<number | null>((done) => child.once("exit", done));
  const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
  if (status !== 0 || !match) {
    console.error(`wrangler deploy --dry-run failed (${status}):\n${output.slice(-2000)}`);
    return null;
  }
  return { uploadKiB: Number(match[1]), gzipKiB: Number(match[2]) };
}
