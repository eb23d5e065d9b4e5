/**
 * `npm run bench:ab`: the engine of this checkout against the engine of another revision, on the
 * same generated collection and queries — the check to run before landing an engine change.
 *
 *   npm run bench:ab -- --base HEAD~1                       # 10,000 records, every kind, default search
 *   npm run bench:ab -- --base main --records 1000 --kinds rare,typo --sides engine,marked
 *
 * Both engines are bundled as the Worker bundles them (engine-module.ts; the base from a temporary
 * git worktree), and each reads the collection its own build pipeline compiles from the same
 * generated records, so a change to the compiled format is compared too. First every query is asked of both in every side and the answers compared byte for
 * byte. Then each engine runs in a host process of its own (engine-host.ts: engines sharing a
 * heap slow each other) and the two take turns a kind's queries at a time, base first on even
 * passes and last on odd ones, so the machine's drift (on a shared machine, minutes apart, a loop
 * of the same bundle ranged 54–99 µs) falls on both alike; `--pairs` pairs of hosts, `--passes`
 * turns each. It prints the medians of every timed search and the quartiles of the passes'
 * medians. Run it against `--base HEAD` first to see what the machine's noise is that day.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildLimits } from "../index-build/limits";
import { buildCollection } from "../index-build/pipeline";
import type { CompiledCollection } from "../src/engine";
import { writeCorpus } from "./corpus";
import { EngineHost } from "./engine-hosts";
import { bundleEngine } from "./engine-module";
import { PQSEARCH_SIDES, sideRequest } from "./engine-request";
import { generateRecords } from "./generate";
import { median, percentile, round } from "./measure";
import { benchQueries, QUERY_KINDS } from "./queries";

const ROOT = resolve(import.meta.dirname, "..");

function listOf<T extends string>(raw: string, allowed: readonly T[], flag: string): T[] {
  const list = raw.split(",").map((each) => each.trim());
  for (const each of list)
    if (!allowed.includes(each as T))
      throw new Error(`pqsearch bench:ab: ${flag} takes ${allowed.join(", ")}; found ${each}`);
  return list as T[];
}

function revisionOf(base: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "--verify", `${base}^{commit}`], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    throw new Error(`pqsearch bench:ab: --base ${base} is not a commit of this repository`);
  }
}

/** The collection the pipeline of the source tree at `root` compiles from `seedsDir`. */
async function buildWith(root: string, seedsDir: string): Promise<CompiledCollection> {
  const pipeline = (await import(
    pathToFileURL(join(root, "index-build/pipeline.ts")).href
  )) as typeof import("../index-build/pipeline");
  const limits = (await import(
    pathToFileURL(join(root, "index-build/limits.ts")).href
  )) as typeof import("../index-build/limits");
  return (await pipeline.buildCollection({ seedsDir, projectRoot: root, limits: limits.buildLimits(root) })).collection;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: "string" },
      records: { type: "string", default: "10000" },
      kinds: { type: "string", default: QUERY_KINDS.join(",") },
      sides: { type: "string", default: "engine" },
      pairs: { type: "string", default: "4" },
      passes: { type: "string", default: "50" },
    },
  });
  if (!values.base) throw new Error("pqsearch bench:ab: --base <revision> is required (the engine to compare with)");
  const records = Number(values.records);
  const passes = Number(values.passes);
  const pairs = Number(values.pairs);
  if (!Number.isInteger(records) || records <= 0)
    throw new Error(`pqsearch bench:ab: --records takes a count, found ${values.records}`);
  if (!Number.isInteger(passes) || passes <= 0)
    throw new Error(`pqsearch bench:ab: --passes takes a count, found ${values.passes}`);
  if (!Number.isInteger(pairs) || pairs <= 0)
    throw new Error(`pqsearch bench:ab: --pairs takes a count, found ${values.pairs}`);
  const kinds = listOf(values.kinds, QUERY_KINDS, "--kinds");
  const sides = listOf(values.sides, PQSEARCH_SIDES, "--sides");

  const dir = mkdtempSync(join(tmpdir(), "pqsearch-ab-"));
  const worktree = join(dir, "base");
  try {
    const revision = revisionOf(values.base);
    execFileSync("git", ["worktree", "add", "--detach", "--quiet", worktree, revision], { cwd: ROOT });
    const engines = { base: join(dir, "base.mjs"), head: join(dir, "head.mjs") };
    await bundleEngine(engines.base, worktree);
    await bundleEngine(engines.head);
    console.log(`base ${revision} against this checkout, ${records.toLocaleString("en-GB")} generated records`);

    // Each side's build of the same records; the worktree resolves packages from this checkout.
    symlinkSync(join(ROOT, "node_modules"), join(worktree, "node_modules"), "dir");
    const seedsDir = writeCorpus(dir, records, 1);
    const compiled = { base: join(dir, "base.json"), head: join(dir, "head.json") };
    const baseBuild = await buildWith(worktree, seedsDir);
    writeFileSync(compiled.base, JSON.stringify(baseBuild));
    const headBuild = await buildCollection({ seedsDir, projectRoot: ROOT, limits: buildLimits(ROOT) });
    writeFileSync(compiled.head, JSON.stringify(headBuild.collection));
    const queries = benchQueries(generateRecords(records, 1));
    const queryFile = join(dir, "queries.json");
    writeFileSync(queryFile, JSON.stringify(queries));

    // The same answers, or the timings compare two different things.
    const open = async (file: string, collection: string) =>
      ((await import(pathToFileURL(file).href)) as typeof import("../src/engine")).openCollection(
        JSON.parse(readFileSync(collection, "utf8")),
      );
    const [base, head] = [await open(engines.base, compiled.base), await open(engines.head, compiled.head)];
    let differing = 0;
    for (const query of queries)
      for (const side of PQSEARCH_SIDES) {
        const request = sideRequest(query, side);
        const [was, is] = [JSON.stringify(await base.search(request)), JSON.stringify(await head.search(request))];
        if (was === is) continue;
        if (differing++ === 0) console.log(`answers differ, first: ${side} search for ${JSON.stringify(query.q)}`);
      }
    console.log(`answers differing: ${differing} of ${queries.length * PQSEARCH_SIDES.length}`);

    // Each pair of hosts is started afresh: one process's luck (its heap's layout, what its JIT
    // decided) moved an engine against itself by 5–16 %, so several pairs share the timing.
    type Times = { base: number[]; head: number[] };
    const timed = new Map<string, { all: Times; ofPasses: Times }>();
    for (let pair = 0; pair < pairs; pair++) {
      const hosts = {
        base: await EngineHost.start({
          engine: "pqsearch",
          moduleFile: engines.base,
          compiledFile: compiled.base,
          queries,
        }),
        head: await EngineHost.start({
          engine: "pqsearch",
          moduleFile: engines.head,
          compiledFile: compiled.head,
          queries,
        }),
      };
      try {
        for (const side of sides) for (const host of [hosts.base, hosts.head]) await host.request({ op: "warm", side });
        for (const kind of kinds)
          for (const side of sides) {
            const key = `${kind} | ${side}`;
            const times = timed.get(key) ?? { all: { base: [], head: [] }, ofPasses: { base: [], head: [] } };
            timed.set(key, times);
            for (let pass = 0; pass < passes; pass++)
              for (const which of pass % 2 === 0 ? (["base", "head"] as const) : (["head", "base"] as const)) {
                const samples = await hosts[which].request<number[]>({ op: "time", side, kind });
                times.all[which].push(...samples);
                times.ofPasses[which].push(median(samples));
              }
          }
      } finally {
        hosts.base.close();
        hosts.head.close();
      }
    }
    const quartiles = (list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return `${round(percentile(sorted, 25), 1)}–${round(percentile(sorted, 75), 1)}`;
    };
    console.log(
      `\n| kind | side | base µs, median (passes' quartiles) | this checkout µs | change |\n|---|---|---:|---:|---:|`,
    );
    for (const [key, { all, ofPasses }] of timed) {
      const [was, is] = [median(all.base), median(all.head)];
      const change = `${round((100 * (is - was)) / was, 1)} %`;
      console.log(
        `| ${key} | ${round(was, 2)} (${quartiles(ofPasses.base)}) | ${round(is, 2)} (${quartiles(ofPasses.head)}) | ${change} |`,
      );
    }
  } finally {
    // The link first, so nothing below can reach this checkout's packages through it.
    rmSync(join(worktree, "node_modules"), { force: true });
    try {
      execFileSync("git", ["worktree", "remove", "--force", worktree], { cwd: ROOT, stdio: "ignore" });
    } catch {
      // Never added (the revision did not resolve): nothing to remove.
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
