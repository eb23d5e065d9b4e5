/**
 * `npm run bench`: for each corpus size, build time, sizes against the limits, hydration (Node and
 * workerd), engine latency by query kind, HTTP latency and throughput, memory — and MiniSearch on
 * the same corpus and queries in the same run. Writes bench/results/latest.json and BENCHMARKS.md.
 *
 *   npm run bench                                   # seed, 1k, 10k, 50k
 *   npm run bench -- --sizes 1000 --http-seconds 2  # quick smoke run
 *   npm run bench -- --sizes 10000 --no-http        # engine figures only
 *   npm run bench:startup                           # start-up only (= npm run bench -- --only startup)
 *
 * It overwrites src/generated (as `npm run build` does) to serve each size, and rebuilds the seed
 * collection at the end. The engine is used only through its public API (`openCollection`), bundled
 * as the Worker bundles it (bench/engine-module.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { buildLimits } from "../index-build/limits";
import { buildCollection } from "../index-build/pipeline";
import { ASSETS_DIR, COLLECTION_MODULE, pruneAssets, writeAssets, writeAtomically } from "../index-build/stages/write";
import { type AssetLoader, type Collection, type CompiledCollection, internals, type ShardedHead } from "../src/engine";
import type { QuestionRecord, RecordInput } from "../src/schema/record";
import { writeCorpus } from "./corpus";
import { EngineHost } from "./engine-hosts";
import { engineModuleFile, loadEngine } from "./engine-module";
import { engineRequest } from "./engine-request";
import { generateRecords } from "./generate";
import { dryRunUpload, measureHttp } from "./http";
import { writeFormatted } from "./markdown";
import { collectGarbage, median, nowMs, percentile, retainedMiB, round, timeMedian } from "./measure";
import { buildMiniSearch, loadMiniSearch } from "./minisearch";
import { type BenchQuery, benchQueries, QUERY_KINDS, type QueryKind } from "./queries";
import { writeBenchmarksMarkdown } from "./report";
import { measureStartup, type StartupFigures } from "./startup";
import { renderStartup, writeStartupSection } from "./startup-report";
import { type RunQuery, timeKind, warmUp, zeroHits } from "./timing";
import { measureWorkerdCold, type WorkerdCold } from "./workerd-cold";
import { measureWorkerdDirect, type WorkerdDirect } from "./workerd-direct";

const { ASSET_PREFIX } = internals;
/** The engine's public API, bundled without `keepNames` as the Worker's is (set in `main`). */
let openCollection: Awaited<ReturnType<typeof loadEngine>>["openCollection"];
const ROOT = resolve(import.meta.dirname, "..");
const SEEDS = join(ROOT, "seeds");

const sizes = (raw: number, gzip: number) => ({ rawBytes: raw, gzipBytes: gzip });
const measureJson = (value: unknown) => {
  const bytes = Buffer.from(JSON.stringify(value));
  return sizes(bytes.length, gzipSync(bytes, { level: 6 }).length);
};

interface Latency {
  p50Us: number;
  p99Us: number;
  samples: number;
  zeroHitQueries: number;
  queries: number;
}

const summarise = (samples: number[], zeroHitQueries: number, queries: number): Latency => {
  samples.sort((a, b) => a - b);
  return {
    p50Us: round(percentile(samples, 50), 1),
    p99Us: round(percentile(samples, 99), 1),
    samples: samples.length,
    zeroHitQueries,
    queries,
  };
};

/** One way of answering the benchmark queries, wherever it runs, timed `passes` times a kind. */
interface Side {
  passes: number;
  warm(): Promise<void>;
  zeroHits(kind: QueryKind): Promise<number>;
  time(kind: QueryKind): Promise<number[]>;
}

type KindLatency = Record<string, Latency>;

/** A side's raw timings from one set of hosts: each kind's samples, and its queries that found nothing. */
type SideTimings = { samples: Map<QueryKind, number[]>; zeroHits: Map<QueryKind, number> };

/**
 * Times every query on every side, after a warm-up (`WARM_UP_MS`, timing.ts) so that each is timed
 * as a long-lived isolate runs it: compiled by the JIT, with its per-isolate caches (pqsearch's
 * impact lists and analysed hit texts) as the queries left them. Each engine runs in a process of
 * its own (engine-host.ts: engines sharing a heap slowed each other 2–3×), and the sides take turns
 * pass by pass — each runs a kind's queries once, then the next side does — so a machine that slows
 * down for a minute (it is shared) slows both alike and their ratio holds, while no side's call
 * pays for another's garbage (the young generation is cleared at each turn). A side with fewer
 * passes sits out the later ones. Samples in microseconds, per kind.
 */
async function timeSides<Name extends string>(sides: Record<Name, Side>): Promise<Record<Name, SideTimings>> {
  const timed = (Object.entries(sides) as Array<[Name, Side]>).map(([name, side]) => ({
    name,
    side,
    timings: { samples: new Map(), zeroHits: new Map() } as SideTimings,
  }));
  for (const { side } of timed) await side.warm();
  const mostPasses = Math.max(...timed.map(({ side }) => side.passes));
  for (const kind of QUERY_KINDS) {
    for (const { side, timings } of timed) {
      timings.zeroHits.set(kind, await side.zeroHits(kind));
      timings.samples.set(kind, []);
    }
    for (let pass = 0; pass < mostPasses; pass++) {
      for (const { side, timings } of timed) {
        if (pass >= side.passes) continue;
        timings.samples.get(kind)?.push(...(await side.time(kind)));
      }
    }
  }
  return Object.fromEntries(timed.map(({ name, timings }) => [name, timings])) as Record<Name, SideTimings>;
}

/**
 * Each side's latency per kind and over all kinds, from the samples of every set of hosts pooled.
 * Zero-hit counts do not depend on the process: the first set's are reported.
 */
function summariseTimings<Name extends string>(
  queries: BenchQuery[],
  runs: Array<Record<Name, SideTimings>>,
): Record<Name, KindLatency> {
  const first = runs[0] as Record<Name, SideTimings>;
  const out = {} as Record<Name, KindLatency>;
  for (const name of Object.keys(first) as Name[]) {
    const latency: KindLatency = {};
    const pooled: number[] = [];
    let pooledZeroHits = 0;
    for (const kind of QUERY_KINDS) {
      const samples = runs.flatMap((run) => run[name].samples.get(kind) ?? []);
      const zeroHits = first[name].zeroHits.get(kind) ?? 0;
      pooled.push(...samples);
      pooledZeroHits += zeroHits;
      latency[kind] = summarise(samples, zeroHits, queries.filter((query) => query.kind === kind).length);
    }
    latency["all kinds"] = summarise(pooled, pooledZeroHits, queries.length);
    out[name] = latency;
  }
  return out;
}

async function latencyByKind<Name extends string>(
  queries: BenchQuery[],
  sides: Record<Name, Side>,
): Promise<Record<Name, KindLatency>> {
  return summariseTimings(queries, [await timeSides(sides)]);
}

/** A side in an engine host, which names it (engine-host.ts). */
function hosted(host: EngineHost, name: string, passes: number): Side {
  return {
    passes,
    warm: () => host.request({ op: "warm", side: name }),
    zeroHits: (kind) => host.request({ op: "zeros", side: name, kind }),
    time: (kind) => host.request({ op: "time", side: name, kind }),
  };
}

/** A side run in the bench's own process (the sharded collection, which is timed alone). */
function local(run: RunQuery, queries: BenchQuery[], passes: number): Side {
  return {
    passes,
    warm: () => warmUp(run, queries),
    zeroHits: (kind) => zeroHits(run, queries, kind),
    time: (kind) => timeKind(run, queries, kind),
  };
}

async function benchSize(label: string, seedsDir: string, inputs: RecordInput[] | null, options: Options) {
  console.log(`\n== ${label}`);
  const limits = buildLimits(ROOT);
  let started = nowMs();
  const built = await buildCollection({ seedsDir, projectRoot: ROOT, limits });
  const buildMs = nowMs() - started;
  const collection = built.collection;
  const records = collection.records;
  console.log(`built ${records.length} records in ${round(buildMs, 0)} ms, ${built.report.layout}`);

  const wholeJson = JSON.stringify(collection);
  const index = measureJson({ ...collection.fieldIndexes, phrasePairs: collection.phraseIndex });
  const store = measureJson(collection.records);
  const passes = records.length >= 50_000 ? 4 : 8;
  const runs = records.length >= 50_000 ? 3 : 5;

  // Node hydration: the bundled path is JSON.parse of the module's string, then the engine.
  const parseFloor = timeMedian(runs, () => JSON.parse(wholeJson));
  const hydrate = timeMedian(runs, () => openCollection(JSON.parse(wholeJson) as CompiledCollection));
  const engineHeapMiB = retainedMiB(() => openCollection(JSON.parse(wholeJson) as CompiledCollection)).mib;
  const queries = benchQueries(inputs ?? records);
  const totalOf = (collection: Collection) => async (query: BenchQuery) =>
    (await collection.search(engineRequest(query))).total;

  // MiniSearch on the same records and queries, timed in turn with pqsearch (latencyByKind), each
  // in a process of its own holding only its own engine (engine-host.ts).
  started = nowMs();
  const miniJson = buildMiniSearch(records as QuestionRecord[]);
  const miniBuildMs = nowMs() - started;
  const miniGzip = gzipSync(Buffer.from(miniJson), { level: 6 }).length;
  const miniLoad = timeMedian(Math.min(runs, 3), () => loadMiniSearch(miniJson));
  const miniHeapMiB = retainedMiB(() => loadMiniSearch(miniJson)).mib;
  const miniPasses = Math.max(2, passes / 4);
  const hostDir = mkdtempSync(join(tmpdir(), "pqsearch-hosts-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(hostDir, name), text);
    return join(hostDir, name);
  };
  const compiledFile = file("compiled.json", wholeJson);
  const indexFile = file("minisearch.json", miniJson);
  const recordsFile = file("records.json", JSON.stringify(records));
  // The build just allocated gigabytes here: collected now, the collector's threads in this
  // process do not compete for the cores with the hosts' timed calls.
  collectGarbage();
  // A freshly started process can run everything ~1.7× slower for its whole life (the same bundle,
  // the same queries: 9.7–10.6 µs a rare word in five processes, 16.5–17.6 in the sixth, with the
  // same profile). With one host an engine, that luck decided a ratio near 1×. Several pairs, one
  // after another, each timing its share of the passes, pool their samples: a slow process is then
  // a share of the samples, on either side, not the outcome.
  const pairs = options.hostPairs;
  const perPair = (total: number) => Math.max(1, Math.ceil(total / pairs));
  const runsOfPairs: Array<Record<"engine" | "bare" | "marked" | "mini" | "miniSnippets", SideTimings>> = [];
  try {
    for (let pair = 0; pair < pairs; pair++) {
      const hosts = await Promise.all([
        EngineHost.start({ engine: "pqsearch", moduleFile: engineModuleFile as string, compiledFile, queries }),
        EngineHost.start({ engine: "minisearch", indexFile, recordsFile, queries }),
      ]);
      const [pqsearchHost, miniHost] = hosts;
      try {
        // Like for like with MiniSearch: no facets, and no marking (`highlight=false`) against its bare
        // search; no facets but marked and snippeted against MiniSearch rendering snippets.
        runsOfPairs.push(
          await timeSides({
            engine: hosted(pqsearchHost, "engine", perPair(passes)),
            bare: hosted(pqsearchHost, "bare", perPair(passes)),
            marked: hosted(pqsearchHost, "marked", perPair(passes)),
            mini: hosted(miniHost, "mini", perPair(miniPasses)),
            miniSnippets: hosted(miniHost, "miniSnippets", perPair(miniPasses)),
          }),
        );
      } finally {
        for (const host of hosts) host.close();
      }
    }
  } finally {
    rmSync(hostDir, { recursive: true, force: true });
  }
  const latency = summariseTimings(queries, runsOfPairs);
  const { engine: engineLatency, bare: bareLatency, marked: markedLatency } = latency;
  const { mini: miniLatency, miniSnippets: miniSnippetLatency } = latency;
  console.log(`engine: hydrate ${round(hydrate.ms)} ms (JSON.parse floor ${round(parseFloor.ms)} ms)`);

  // The sharded path in Node: head at module scope, then indexes and one page of records on demand.
  let shardedCold: {
    headHydrateMs: number;
    firstAnswerMs: number;
    heapMiB: number;
    warmHeapMiB: number;
    warm: KindLatency;
  } | null = null;
  if (built.report.layout === "sharded") {
    // The module is `export default JSON.parse("<json>");` — the literal is the head's JSON text.
    const headJson = JSON.parse(built.source.slice(built.source.indexOf("JSON.parse(") + 11, -3)) as string;
    const load: AssetLoader = async (path) => JSON.parse(built.assets.get(path) as string);
    const times: number[] = [];
    const heads: number[] = [];
    let heapMiB = 0;
    for (let run = 0; run < runs; run++) {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const t0 = nowMs();
      const sharded = openCollection(JSON.parse(headJson) as ShardedHead, { load });
      const t1 = nowMs();
      await sharded.search(engineRequest(queries[0] as BenchQuery));
      times.push(nowMs() - t0);
      heads.push(t1 - t0);
      // First run only: later runs' "before" can still hold the previous run's collection
      // (the async function's context keeps it), which would cancel out.
      if (run === 0) {
        collectGarbage();
        heapMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
        if (sharded.meta.records === 0) throw new Error("pqsearch bench: empty sharded collection");
      }
    }
    // Warm: one isolate's collection after the warm-up, as a busy Worker runs it (postings imported,
    // but a page's record shards may have left the small resident set and be read again).
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const warmCollection = openCollection(JSON.parse(headJson), { load });
    const { warm } = await latencyByKind(queries, { warm: local(totalOf(warmCollection), queries, passes) });
    // What a busy isolate holds after every query kind: indexes, postings, kept records, caches.
    collectGarbage();
    const warmHeapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    if (warmCollection.meta.records === 0) throw new Error("pqsearch bench: empty sharded collection");
    console.log(`sharded: warm search p50 ${warm["all kinds"]?.p50Us} µs, ${round(warmHeapMiB)} MiB after`);
    shardedCold = {
      headHydrateMs: round(median(heads), 1),
      firstAnswerMs: round(median(times), 1),
      heapMiB: round(heapMiB),
      warmHeapMiB: round(warmHeapMiB),
      warm,
    };
  }

  console.log(`minisearch: load ${round(miniLoad.ms)} ms`);

  // Serve it: write src/generated as the build would, then wrangler dev and a dry-run deploy.
  let http = null;
  let deploy = null;
  let workerdCold: WorkerdCold | null = null;
  let workerdDirect: WorkerdDirect | null = null;
  if (options.http) {
    const outDir = join(ROOT, "src/generated");
    await writeAssets(outDir, built.assets);
    await writeAtomically(outDir, COLLECTION_MODULE, built.source);
    await pruneAssets(outDir, ASSET_PREFIX, built.assets.size > 0 ? built.report.buildId : null);
    const bundleDir = mkdtempSync(join(tmpdir(), "pqsearch-dry-"));
    deploy = await dryRunUpload(bundleDir);
    const paths = queries
      .filter((query) => query.kind === "common" || query.kind === "two")
      .slice(0, 20)
      .map((query) => `/v1/search?q=${encodeURIComponent(query.q)}`);
    // A sharded one reads the assets just written.
    const assetsDir = built.assets.size > 0 ? join(outDir, ASSETS_DIR) : undefined;
    workerdCold = deploy ? await measureWorkerdCold(bundleDir, paths[0] as string, assetsDir) : null;
    console.log(
      `workerd: cold isolate ${workerdCold?.coldIsolateMs} ms beyond a one-line Worker, ` +
        `then its first search ${workerdCold?.firstSearchMs} ms`,
    );
    http = await measureHttp(paths, options.httpSeconds);
    console.log(
      `http: p50 ${http.load.p50Ms} ms, ${http.load.requestsPerSecond} req/s, cold first search ${http.coldFirstSearchMs} ms`,
    );
    // The same bundle without wrangler's proxy or the limiter.
    workerdDirect = deploy ? await measureWorkerdDirect(bundleDir, paths, options.httpSeconds, assetsDir) : null;
    console.log(
      `where the time goes, search p50 one at a time: wrangler dev ${http.sequential.search.p50Ms} ms, ` +
        `limiter off ${http.rateLimiterOff.search.p50Ms} ms, workerd direct ${workerdDirect?.sequential.search.p50Ms} ms`,
    );
  }

  return {
    label,
    records: records.length,
    buildMs: round(buildMs, 0),
    layout: built.report.layout,
    bundle: {
      wholeCollection: sizes(built.report.bundledRawBytes, built.report.bundledGzipBytes),
      bundled: sizes(built.report.rawBytes, built.report.gzipBytes),
      index,
      store,
      assetFiles: built.report.assetFiles,
      assetBytes: built.report.assetBytes,
      limits: {
        plan: limits.plan,
        bundleBudgetBytes: limits.bundleBudgetBytes,
        freeGzipBytes: limits.freeGzipBytes,
        paidGzipBytes: limits.paidGzipBytes,
      },
      deploy,
    },
    node: {
      jsonParseFloorMs: round(parseFloor.ms, 2),
      hydrateMs: round(hydrate.ms, 2),
      hydrateOverFloor: round(hydrate.ms / parseFloor.ms, 2),
      engineHeapMiB: round(engineHeapMiB),
      sharded: shardedCold,
      latency: engineLatency,
      bareLatency,
      markedLatency,
    },
    minisearch: {
      buildMs: round(miniBuildMs, 0),
      json: sizes(miniJson.length, miniGzip),
      loadMs: round(miniLoad.ms, 1),
      heapMiB: round(miniHeapMiB),
      latency: miniLatency,
      snippetLatency: miniSnippetLatency,
    },
    workerdCold,
    http,
    workerdDirect,
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
  };
}

interface Options {
  sizes: string[];
  http: boolean;
  httpSeconds: number;
  startupRuns: number;
  out: string;
  markdown: string;
  hostPairs: number;
}

/** Leaves src/generated holding the seed collection, as `npm run build` would. */
async function writeSeedCollection(): Promise<void> {
  const seed = await buildCollection({ seedsDir: SEEDS, projectRoot: ROOT });
  const outDir = join(ROOT, "src/generated");
  await writeAssets(outDir, seed.assets);
  await writeAtomically(outDir, COLLECTION_MODULE, seed.source);
  await pruneAssets(outDir, ASSET_PREFIX, seed.assets.size > 0 ? seed.report.buildId : null);
}

function machine() {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 0),
    node: process.version,
    note: "shared machine: other engineers' builds and tests ran at the same time; compare ratios within one run",
  };
}

/** One line for BENCHMARKS.md: the machine and the versions that decide start-up. */
function describeMachine(): string {
  const m = machine();
  return `${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}, wrangler ${version("wrangler")}, workerd ${version("workerd")}; ${m.note}`;
}

const version = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version as string;

/** Start-up of the seed collection's Worker against a one-route Hono Worker (bench/startup.ts). */
async function benchStartup(runs: number): Promise<StartupFigures> {
  console.log("\n== start-up");
  await writeSeedCollection();
  return measureStartup(runs);
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "seed,1000,10000,50000" },
      "no-http": { type: "boolean", default: false },
      "http-seconds": { type: "string", default: "5" },
      only: { type: "string" },
      "startup-runs": { type: "string", default: "9" },
      out: { type: "string", default: "bench/results/latest.json" },
      markdown: { type: "string", default: "BENCHMARKS.md" },
      "host-pairs": { type: "string", default: "3" },
    },
  });
  if (values.only !== undefined && values.only !== "startup")
    throw new Error(`pqsearch bench: --only takes "startup", found ${values.only}`);
  const options: Options = {
    sizes: values.sizes.split(",").map((size) => size.trim()),
    http: !values["no-http"],
    httpSeconds: Number(values["http-seconds"]),
    startupRuns: Number(values["startup-runs"]),
    out: resolve(ROOT, values.out),
    markdown: resolve(ROOT, values.markdown),
    hostPairs: Number(values["host-pairs"]),
  };
  if (!Number.isInteger(options.hostPairs) || options.hostPairs < 1)
    throw new Error(`pqsearch bench: --host-pairs takes a whole number, found ${values["host-pairs"]}`);
  if (!Number.isInteger(options.startupRuns) || options.startupRuns < 1)
    throw new Error(`pqsearch bench: --startup-runs takes a whole number, found ${values["startup-runs"]}`);
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();

  if (values.only === "startup") {
    const startup = await benchStartup(options.startupRuns);
    const date = new Date().toISOString();
    const out = resolve(ROOT, "bench/results/startup.json");
    writeFormatted(out, `${JSON.stringify({ date, command, machine: machine(), startup }, null, 2)}\n`);
    writeStartupSection(options.markdown, renderStartup(startup, { date, command, machine: describeMachine() }));
    console.log(`\nwrote ${out} and the start-up section of ${options.markdown}`);
    return;
  }

  ({ openCollection } = await loadEngine());
  // Start-up first, while src/generated holds the seed collection's Worker.
  const startup = options.http ? await benchStartup(options.startupRuns) : null;
  const results = [];
  try {
    for (const size of options.sizes) {
      if (size === "seed") {
        results.push(await benchSize("seed collection", SEEDS, null, options));
        continue;
      }
      const count = Number(size);
      if (!Number.isInteger(count) || count <= 0)
        throw new Error(`pqsearch bench: --sizes takes "seed" or record counts, found ${size}`);
      const dir = mkdtempSync(join(tmpdir(), "pqsearch-bench-"));
      const seedsDir = writeCorpus(dir, count, 1);
      results.push(
        await benchSize(`${count.toLocaleString("en-GB")} records`, seedsDir, generateRecords(count, 1), options),
      );
    }
  } finally {
    // Leave src/generated as `npm run build` would.
    if (options.http) await writeSeedCollection();
  }
  const report = {
    date: new Date().toISOString(),
    command,
    machine: machine(),
    versions: {
      flexsearch: version("flexsearch"),
      minisearch: version("minisearch"),
      wrangler: version("wrangler"),
      workerd: version("workerd"),
      autocannon: version("autocannon"),
    },
    startup,
    results,
  };
  writeFormatted(options.out, `${JSON.stringify(report, null, 2)}\n`);
  writeBenchmarksMarkdown(report, options.markdown);
  console.log(`\nwrote ${options.out} and ${options.markdown}`);
}

export type BenchReport = {
  date: string;
  command: string;
  machine: Record<string, unknown>;
  versions: Record<string, string>;
  /** Null when the run served nothing (`--no-http`). */
  startup: StartupFigures | null;
  results: Awaited<ReturnType<typeof benchSize>>[];
};

await main();
