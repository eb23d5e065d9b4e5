/**
 * Writes BENCHMARKS.md from a benchmark run: machine, date, versions, then the tables. Anything
 * below the NOTES marker in the existing file (hand-written analysis) is kept. Biome does not
 * format the file (biome.json): it would pad every table column to its widest cell, so one
 * changed figure would rewrite whole tables in a run's diff, and the notes' prose tables would
 * run to hundreds of characters a line.
 */
import { existsSync, readFileSync } from "node:fs";
import { writeMarkdown } from "./markdown";
import type { BenchReport } from "./run";
import { renderStartup } from "./startup-report";

const NOTES = "<!-- Hand-written notes below this line are kept when npm run bench rewrites the file. -->";

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
const kib = (bytes: number) => (bytes / 1024).toFixed(0);
const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits);

export function renderMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  lines.push("# Benchmarks", "");
  lines.push(
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC with \`${report.command}\` on ${report.machine.cpu} ` +
      `(${report.machine.cores} cores, ${report.machine.memoryGiB} GiB), Node ${report.machine.node}; ` +
      `${Object.entries(report.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(", ")}. ${report.machine.note}. Raw figures: \`bench/results/latest.json\`.`,
    "",
  );
  lines.push(
    "Corpus: `bench/generate.ts`, seeded and deterministic, written-question-shaped records (~1.4 KB of JSON each). " +
      "Queries (`bench/queries.ts`) are drawn from each corpus: 25 per kind. Latency is per awaited call through the " +
      "engine's public API (`openCollection(…).search`), bundled as the Worker bundles it (esbuild without `keepNames`: " +
      "`bench/engine-module.ts`), with what `/v1/search` asks by default: ten hits, marked, and each facet's ten most matched values (`facetLimit` 10); p50/p99 over every sample, after a warm-up of every query (at least 1.5 s) so both " +
      "engines run JIT-compiled with their caches as a long-lived isolate would have them; each engine runs in a process of its own holding only its own index (`bench/engine-host.ts`), three pairs of such processes one after another (`--host-pairs`), each timing its share of the passes, their samples pooled so one slow process cannot decide a ratio; within a pair the engines take turns pass by pass " +
      "(each runs a kind's 25 queries, then the next; pqsearch's three ways and MiniSearch's two), so a slower minute of the " +
      "shared machine slows both, the young generation cleared at each turn so no side pays for another's garbage; " +
      "MiniSearch runs the same queries (fuzzy 0.2 for typos, " +
      "prefix search for prefixes, words for phrases, a facet count over its matches for facet-heavy).",
    "",
  );

  if (report.startup) {
    const m = report.machine;
    const machine = `${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}, wrangler ${report.versions.wrangler}, workerd ${report.versions.workerd}`;
    lines.push(...renderStartup(report.startup, { date: report.date, command: report.command, machine }), "");
  }

  lines.push("## Sizes, hydration and HTTP", "");
  lines.push(
    "| corpus | layout | build s | index MiB (gzip) | record store MiB (gzip) | bundled KiB gzip / budget | dry-run upload KiB gzip | Node hydrate ms (JSON.parse floor, ratio) | engine heap MiB | workerd cold isolate ms (beyond the seed's) | workerd cold first search ms (isolate + first search) | wrangler dev cold first search ms | HTTP p50 / p99 ms (8 connections, limiter off) | req/s |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  const seed = report.results.find((r) => r.label === "seed collection");
  const seedCold = seed?.workerdCold?.coldIsolateMs ?? null;
  for (const r of report.results) {
    const h = r.http;
    lines.push(
      `| ${r.label} | ${r.layout}${r.bundle.assetFiles ? ` (+${r.bundle.assetFiles} asset files)` : ""} | ${fixed(r.buildMs / 1000)} | ` +
        `${mib(r.bundle.index.rawBytes)} (${mib(r.bundle.index.gzipBytes)}) | ${mib(r.bundle.store.rawBytes)} (${mib(r.bundle.store.gzipBytes)}) | ` +
        `${kib(r.bundle.bundled.gzipBytes)} / ${kib(r.bundle.limits.bundleBudgetBytes)} | ${r.bundle.deploy ? fixed(r.bundle.deploy.gzipKiB, 0) : "–"} | ` +
        `${fixed(r.node.hydrateMs, 2)} (${fixed(r.node.jsonParseFloorMs, 2)}, ${fixed(r.node.hydrateOverFloor, 2)}×) | ${fixed(r.node.engineHeapMiB)} | ` +
        `${r.workerdCold ? `${fixed(r.workerdCold.coldIsolateMs, 0)}${seedCold !== null && r !== seed ? ` (${fixed(r.workerdCold.coldIsolateMs - seedCold, 0)})` : ""}` : "–"} | ` +
        `${r.workerdCold?.coldFirstSearchMs !== undefined ? `${fixed(r.workerdCold.coldFirstSearchMs, 0)} (${fixed(r.workerdCold.coldIsolateMs, 0)} + ${fixed(r.workerdCold.firstSearchMs, 0)})` : "–"} | ${h ? fixed(h.coldFirstSearchMs, 1) : "–"} | ` +
        `${h ? `${fixed(h.load.p50Ms, 0)} / ${fixed(h.load.p99Ms, 0)}` : "–"} | ${h ? h.load.requestsPerSecond : "–"} |`,
    );
  }
  lines.push("");
  const sharded = report.results.filter((r) => r.node.sharded);
  if (sharded.length) {
    lines.push("Sharded collections, in Node (assets read from memory, so this is CPU only):", "");
    lines.push(
      "| corpus | head hydrate ms | cold first answer ms (head + indexes + one page of records) | heap MiB | warm search p50 / p99 µs (all kinds) | heap MiB after the warm run |",
      "|---|---:|---:|---:|---:|---:|",
    );
    for (const r of sharded) {
      const s = r.node.sharded as NonNullable<typeof r.node.sharded>;
      const warm = s.warm?.["all kinds"];
      lines.push(
        `| ${r.label} | ${fixed(s.headHydrateMs)} | ${fixed(s.firstAnswerMs)} | ${fixed(s.heapMiB)} | ${warm ? `${fixed(warm.p50Us)} / ${fixed(warm.p99Us)}` : "–"} | ${fixed(s.warmHeapMiB)} |`,
      );
    }
    lines.push("");
  }

  lines.push(...whereTheTimeGoes(report));

  lines.push("## pqsearch against MiniSearch, same corpus, same run", "");
  lines.push(
    "| corpus | pqsearch hydrate ms | MiniSearch load ms | hydrate speed-up | pqsearch serialized MiB (gzip) | MiniSearch JSON MiB (gzip) | pqsearch heap MiB | MiniSearch heap MiB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of report.results) {
    lines.push(
      `| ${r.label} | ${fixed(r.node.hydrateMs, 2)} | ${fixed(r.minisearch.loadMs)} | ${fixed(r.minisearch.loadMs / r.node.hydrateMs)}× | ` +
        `${mib(r.bundle.wholeCollection.rawBytes)} (${mib(r.bundle.wholeCollection.gzipBytes)}) | ${mib(r.minisearch.json.rawBytes)} (${mib(r.minisearch.json.gzipBytes)}) | ` +
        `${fixed(r.node.engineHeapMiB)} | ${fixed(r.minisearch.heapMiB)} |`,
    );
  }
  lines.push("");
  lines.push(
    "pqsearch's serialized size includes the record store (the full records); MiniSearch's JSON holds the index and a few stored fields only.",
    "",
  );

  lines.push("## Engine latency by query kind (µs)", "");
  for (const r of report.results) {
    lines.push(`### ${r.label}`, "");
    lines.push(
      "| kind | pqsearch p50 | pqsearch p99 | MiniSearch p50 | MiniSearch p99 | p50 speed-up | queries with 0 hits (pqsearch / MiniSearch) |",
      "|---|---:|---:|---:|---:|---:|---:|",
    );
    for (const [kind, ours] of Object.entries(r.node.latency)) {
      const theirs = r.minisearch.latency[kind];
      if (!theirs) continue;
      lines.push(
        `| ${kind} | ${fixed(ours.p50Us)} | ${fixed(ours.p99Us)} | ${fixed(theirs.p50Us)} | ${fixed(theirs.p99Us)} | ` +
          `${fixed(theirs.p50Us / ours.p50Us)}× | ${ours.zeroHitQueries}/${ours.queries} / ${theirs.zeroHitQueries}/${theirs.queries} |`,
      );
    }
    lines.push("");
  }

  lines.push("## Like for like: both bare, and both with snippets (µs)", "");
  lines.push(
    "*Bare*: pqsearch asked for no facets and no marking (`facetLimit=0`, `highlight=false`: its ten hits' fields, unmarked) " +
      "against MiniSearch's search alone. *With snippets*: pqsearch with no facets but its ten hits marked and snippeted, " +
      "against MiniSearch's top ten rendered as an application would (`bench/minisearch-snippets.ts`): the record looked up " +
      "by id, the question with the terms MiniSearch matched marked, the answer cut around its first match, HTML-escaped.",
    "",
  );
  for (const r of report.results) {
    lines.push(`### ${r.label}`, "");
    lines.push(
      "| kind | pqsearch bare p50 (p99) | MiniSearch bare p50 (p99) | speed-up | pqsearch with snippets p50 (p99) | MiniSearch with snippets p50 (p99) | speed-up |",
      "|---|---:|---:|---:|---:|---:|---:|",
    );
    for (const [kind, ours] of Object.entries(r.node.bareLatency)) {
      const marked = r.node.markedLatency[kind];
      const bare = r.minisearch.latency[kind];
      const snippets = r.minisearch.snippetLatency[kind];
      if (!bare || !snippets || !marked) continue;
      lines.push(
        `| ${kind} | ${fixed(ours.p50Us)} (${fixed(ours.p99Us)}) | ${fixed(bare.p50Us)} (${fixed(bare.p99Us)}) | ${fixed(bare.p50Us / ours.p50Us)}× | ` +
          `${fixed(marked.p50Us)} (${fixed(marked.p99Us)}) | ${fixed(snippets.p50Us)} (${fixed(snippets.p99Us)}) | ${fixed(snippets.p50Us / marked.p50Us)}× |`,
      );
    }
    lines.push("");
  }

  lines.push("## Method", "");
  lines.push(
    "- **Build**: the whole pipeline (read, parse, validate, normalise, identify, compile, emit, layout), in-process.",
    "- **Sizes**: index = the serialised FlexSearch indexes; record store = the full records; both JSON, gzip level 6. " +
      "*Bundled* is the module the Worker bundles (the whole collection, or only the head when sharded), gzip level 9, " +
      "against the configured bundle budget; *dry-run upload* is what `wrangler deploy --dry-run` reports for the whole Worker.",
    "- **Node hydrate**: `JSON.parse` of the module's string plus `openCollection`, median of 5 (3 at 50k), after a GC; " +
      "the floor is `JSON.parse` of the same string alone.",
    "- **workerd cold isolate**: Workers freeze `performance.now()` during synchronous work (local workerd too: the " +
      "Worker's own Server-Timing `hydrate` reads 0), so it is measured from outside (`bench/workerd-cold.ts`): `workerd serve` " +
      "runs the bundle `wrangler deploy --dry-run` produced, and we time spawn → first successful /v1/meta (polled every 5 ms), " +
      "less the same for a one-line Worker; medians of 3. That is compiling the Worker's code plus hydrating the collection; " +
      "the figure in brackets subtracts the seed collection's, leaving the collection's own hydration. " +
      "*workerd cold first search* adds that isolate's first /v1/search, timed after its first /v1/meta (a sharded collection " +
      "fetches and imports its indexes, then a page of records, from ASSETS on disk): a search meeting a cold isolate, beyond " +
      "workerd's own start, as one figure. *wrangler dev cold first search* is the first /v1/search on a fresh `wrangler dev` " +
      "isolate (its static assets served by wrangler's asset worker).",
    "- **HTTP**: autocannon, 8 connections, rotating 20 search URLs (common words and word pairs) against local `wrangler dev` " +
      "started with `--var RATE_LIMIT:off` (the limiter's 600 requests a minute would otherwise answer most of the load with 429s); " +
      "loopback only; p50/p99 over each 2xx response's own time. wrangler dev adds its own proxy hop, so these are upper " +
      "bounds for the edge.",
    "- **HTTP latency, where the time goes**: each line takes one layer away, same search URLs, loopback. " +
      "*wrangler dev, rate limiter off, 8 connections* is the HTTP column above. *wrangler dev, 1 connection*: one keep-alive connection, " +
      "one request at a time (every search URL and `/v1/meta` twice to warm up, then 120 searches and 120 `/v1/meta` with the limiter on, kept within its 600 a minute; 200 each with it off, which runs the middleware but no " +
      "search), so nothing queues; it includes wrangler dev's own proxy hop in front of workerd and the simulated " +
      "RATE_LIMITER binding. *rate limiter off*: the same from a second `wrangler dev` started with `--var RATE_LIMIT:off`, " +
      "so the difference is what the local limiter simulation costs. *workerd direct*: the bundle `wrangler deploy --dry-run` " +
      "produced, served by `workerd serve` itself (`bench/workerd-direct.ts`; sharded collections get ASSETS as a read-only " +
      "disk service over the built assets), no proxy, no limiter: the Worker's own cost, plus loopback HTTP. " +
      "For a sharded collection warm searches can still fetch record shards (only a few stay resident); a local disk " +
      "answers those faster than wrangler dev's asset worker or Cloudflare's asset store, so that line is a lower bound. " +
      "p50/p99 over each response's own time (2xx only; non-2xx are counted as errors in the JSON).",
    "- **Memory**: heap retained after hydration (`--expose-gc`, difference of `heapUsed` around it).",
    "",
  );
  return lines.join("\n");
}

/** One small table per corpus: the same searches through fewer layers (wrangler's proxy, the limiter). */
function whereTheTimeGoes(report: BenchReport): string[] {
  const measured = report.results.filter((r) => r.http);
  if (!measured.length) return [];
  const pair = (l: { p50Ms: number; p99Ms: number } | undefined) =>
    l ? `${fixed(l.p50Ms, 2)} / ${fixed(l.p99Ms, 2)}` : "–";
  const errors = (s: { search: { errors: number }; meta: { errors: number } } | undefined) =>
    s ? s.search.errors + s.meta.errors : "–";
  const lines = ["## HTTP latency, where the time goes", ""];
  lines.push(
    "Search and `/v1/meta` (no search) latency in ms, p50 / p99; each line takes one layer away (see Method). " +
      "req/s counts every answer; non-2xx answers (none expected) are counted, and left out of the percentiles.",
    "",
  );
  for (const r of measured) {
    const h = r.http as NonNullable<typeof r.http>;
    const direct = r.workerdDirect;
    lines.push(`### ${r.label}`, "");
    lines.push(
      "| server | connections | search p50 / p99 | /v1/meta p50 / p99 | req/s | non-2xx |",
      "|---|---:|---:|---:|---:|---:|",
    );
    lines.push(
      `| wrangler dev, rate limiter off | ${h.load.connections} | ${pair(h.load)} | – | ${h.load.requestsPerSecond} | ${h.load.errors} |`,
    );
    lines.push(
      `| wrangler dev | 1 | ${pair(h.sequential?.search)} | ${pair(h.sequential?.meta)} | – | ${errors(h.sequential)} |`,
    );
    lines.push(
      `| wrangler dev, rate limiter off | 1 | ${pair(h.rateLimiterOff?.search)} | ${pair(h.rateLimiterOff?.meta)} | – | ${errors(h.rateLimiterOff)} |`,
    );
    lines.push(
      `| workerd direct | 1 | ${pair(direct?.sequential.search)} | ${pair(direct?.sequential.meta)} | – | ${errors(direct?.sequential)} |`,
    );
    lines.push(
      `| workerd direct | ${direct?.load.connections ?? 8} | ${pair(direct?.load)} | – | ${direct?.load.requestsPerSecond ?? "–"} | ${direct?.load.errors ?? "–"} |`,
    );
    lines.push("");
  }
  return lines;
}

export function writeBenchmarksMarkdown(report: BenchReport, path: string): void {
  const previous = existsSync(path) ? readFileSync(path, "utf8") : "";
  const at = previous.indexOf(NOTES);
  const notes = at >= 0 ? previous.slice(at) : `${NOTES}\n`;
  writeMarkdown(path, `${renderMarkdown(report)}\n${notes}`);
}
