/**
 * `npm run fetch` as a campaigner runs it: the command's output, its exit codes, and what it
 * leaves in seeds/ when it fails or is killed.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { fetchProject, fixturePool, PROJECT_ROOT, QUICK_API } from "../support/replay-pools";
import { type FaultRule, ReplayServer } from "../support/replay-server";

const HEALTH = { name: "health", query: { answeringBodies: [17, 60], tabledWhenFrom: "2020-01-01" } };
const SEED = "seeds/parliament-health.json";
// Hang guard, not a timing assertion.
const HANG_GUARD_MS = 60_000;

let servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function replay(faults: FaultRule[] = []) {
  const server = new ReplayServer(fixturePool().questions, faults);
  await server.start();
  servers.push(server);
  return server;
}

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the command in `root` without blocking this process, which serves the replay. */
function fetchCommand(root: string, args: string[], onStart?: (kill: () => void) => void): Promise<Finished> {
  // tsx as a loader, not its CLI: the CLI runs the script in a child process a kill would miss.
  const loader = pathToFileURL(join(PROJECT_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", loader, join(PROJECT_ROOT, "index-build/fetch/cli.ts"), ...args], {
    cwd: root,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const guard = setTimeout(() => child.kill("SIGKILL"), HANG_GUARD_MS);
  onStart?.(() => child.kill("SIGKILL"));
  return new Promise((resolve) => {
    child.on("close", (status, signal) => {
      clearTimeout(guard);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

// A spawned command starts slowly on a busy machine: a generous timeout, so none fires unasked.
const API = { ...QUICK_API, timeoutSeconds: 20 };
const project = (collection: unknown = { sources: [HEALTH], api: API }) => fetchProject(collection);
const seeds = (root: string) => readdirSync(join(root, "seeds"));
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe("npm run fetch", { timeout: HANG_GUARD_MS }, () => {
  it("prints what changed, file by file, and how to review it", async () => {
    const server = await replay();
    const root = project();
    const run = await fetchCommand(root, ["--base-url", server.url]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\[plan {5}\] health: the whole definition$/m);
    expect(run.stdout).toMatch(/^seeds\/parliament-health\.json: 10 new questions$/m);
    expect(run.stdout).toMatch(/^ {4}wq-9000001 \(Commons .*tabled 1 February 2021\) /m);
    expect(run.stdout).toMatch(
      /^9 request\(s\), 0 retries \(0\.0 s waiting\), [\d.]+ s; review the changes with: git diff seeds\/$/m,
    );
    const again = await fetchCommand(root, ["--base-url", server.url]);
    expect(again.stdout).toMatch(/^seeds\/parliament-health\.json: no changes; left as it was$/m);
    expect(again.stdout).toMatch(/nothing to commit$/m);
  });

  it("fails naming the config's file, line and key when the definition is invalid, and fetches nothing", async () => {
    const server = await replay();
    const root = project({ sources: [{ name: "health", query: { house: "commons", answeringBodies: [17] } }] });
    const run = await fetchCommand(root, ["--base-url", server.url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^pqsearch\.config\.json:7: collection\.sources\[0\]\.query\.house: expected "Bicameral", "Commons" or "Lords", found "commons"$/m,
    );
    noStack(run.stderr);
    expect(server.requests).toEqual([]);
    expect(seeds(root)).toEqual([]);
  });

  it("fails saying how to start when there is no collection in the config", async () => {
    const root = project();
    writeFileSync(join(root, "pqsearch.config.json"), '{ "plan": "free" }\n');
    const run = await fetchCommand(root, []);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^pqsearch\.config\.json: no "collection" section; add a "collection" section/m);
    noStack(run.stderr);
  });

  it("rejects a --since that is not a date before doing anything", async () => {
    const run = await fetchCommand(project(), ["--since", "last week"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^--since: expected a date as YYYY-MM-DD, found "last week"$/m);
  });

  it("fails clearly, with nothing written to seeds/, when the API cannot be reached", async () => {
    const server = await replay();
    const url = server.url;
    await server.close();
    servers = [];
    const root = project({ sources: [HEALTH], api: { ...API, retries: 1 } });
    const run = await fetchCommand(root, ["--base-url", url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/writtenquestions\/questions\?.*: the API could not be reached after 2 attempt\(s\) \(connection refused\)$/m,
    );
    expect(run.stderr).toMatch(/^fetch failed; the seed file being fetched was left as it was$/m);
    noStack(run.stderr);
    expect(seeds(root)).toEqual([]);
  });

  it("fails clearly, with nothing written to seeds/, when the API answers a shape it does not know", async () => {
    const server = await replay([
      { match: /skip=3&/, times: 1, fault: { kind: "body", body: "<html>Down for maintenance</html>" } },
    ]);
    const root = project();
    const run = await fetchCommand(root, ["--base-url", server.url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /skip=3&take=3: the API answered something that is not JSON: "<html>Down for maintenance<\/html>"$/m,
    );
    noStack(run.stderr);
    expect(seeds(root)).toEqual([]);
  });

  it("never overwrites a hand-written seed that happens to have the source's file name", async () => {
    const server = await replay();
    const root = project();
    writeFileSync(join(root, SEED), "[]\n");
    const run = await fetchCommand(root, ["--base-url", server.url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^seeds\/parliament-health\.json exists but the fetch did not write it/m);
    expect(readFileSync(join(root, SEED), "utf8")).toBe("[]\n");
  });

  it("resumes a run killed mid-fetch, asking only for what had not arrived", async () => {
    const clean = await replay();
    const cleanRoot = project();
    await fetchCommand(cleanRoot, ["--base-url", clean.url]);

    const server = await replay();
    server.delayMs = 50; // requests overlap, so the kill lands with some in flight
    const root = project();
    const killed = await fetchCommand(root, ["--base-url", server.url], (kill) => {
      server.onRequest = (request) => {
        if (request.n === 6) kill();
      };
    });
    expect(killed.signal).toBe("SIGKILL");
    expect(seeds(root)).toEqual([]);
    // What the killed run had saved, as the requests that answered it.
    const saved = readdirSync(join(root, ".pqsearch/fetch/health")).flatMap((name) => {
      const page = /^list-0-(\d+)\.json$/.exec(name);
      const full = /^full-(\d+)\.json$/.exec(name);
      if (page) return [`skip=${page[1]}&`];
      return full ? [`questions/${full[1]}?`] : [];
    });
    expect(saved.length).toBeGreaterThan(0);
    server.onRequest = undefined;
    const answered = server.requests.length;
    const resumed = await fetchCommand(root, ["--base-url", server.url]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(
      /^\[resume {3}\] health: going on with the fetch started .*: \d+ page\(s\) and \d+ full text\(s\) already saved$/m,
    );
    expect(readFileSync(join(root, SEED), "utf8")).toBe(readFileSync(join(cleanRoot, SEED), "utf8"));
    // Nothing saved is asked for again, and saved plus asked again is exactly what one clean run asks.
    const again = server.requests.slice(answered).map((request) => request.url);
    expect(again.filter((url) => saved.some((part) => url.includes(part)))).toEqual([]);
    expect(again.length + saved.length).toBe(clean.requests.length);
  });
});
