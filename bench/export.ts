/**
 * `npm run bench:export`: what an export costs, engine and stream only (no HTTP), on a generated
 * collection of 10,000 records and, where the shared corpora are present, on the real one. For
 * each: the select (every match ordered once), the whole stream as CSV and as NDJSON, and the
 * slowest chunk, medians of a few runs, with the bytes sent.
 *
 *   npm run bench:export [-- --records 10000 --runs 5]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCollection, REAL, realCollectionMissing } from "../eval/collections";
import { buildCollection } from "../index-build/pipeline";
import { type CompiledCollection, openCollection } from "../src/engine";
import { exportStream } from "../src/exports/export-stream";
import type { ExportFormat } from "../src/schema/export";
import { writeCorpus } from "./corpus";
import { median, nowMs, round } from "./measure";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const RECORDS = Number(args.get("--records") ?? 10_000);
const RUNS = Number(args.get("--runs") ?? 5);

interface StreamFigures {
  ms: number;
  slowestChunkMs: number;
  bytes: number;
}

async function streamOnce(compiled: CompiledCollection, q: string, format: ExportFormat): Promise<StreamFigures> {
  const collection = openCollection(compiled);
  const started = nowMs();
  const selection = await collection.select({ q, sort: "relevance" });
  const reader = exportStream(selection, format, (id) => `https://pq.example/records/${id}`).getReader();
  let bytes = 0;
  let slowestChunkMs = 0;
  for (;;) {
    const before = nowMs();
    const read = await reader.read();
    slowestChunkMs = Math.max(slowestChunkMs, nowMs() - before);
    if (read.done) break;
    bytes += read.value.length;
  }
  return { ms: nowMs() - started, slowestChunkMs, bytes };
}

async function selectMs(compiled: CompiledCollection, q: string): Promise<{ ms: number; total: number }> {
  const collection = openCollection(compiled);
  await collection.select({ q, sort: "relevance" }); // warm: columns and orderings are built once per engine
  const times: number[] = [];
  let total = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = nowMs();
    total = (await collection.select({ q, sort: "relevance" })).total;
    times.push(nowMs() - started);
  }
  return { ms: median(times), total };
}

async function report(name: string, compiled: CompiledCollection): Promise<void> {
  for (const q of ["", "schools"]) {
    const select = await selectMs(compiled, q);
    const line = [`${name}, q=${JSON.stringify(q)}: ${select.total} matches; select ${round(select.ms, 2)} ms`];
    for (const format of ["csv", "ndjson"] as const) {
      const runs: StreamFigures[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await streamOnce(compiled, q, format));
      const ms = median(runs.map((each) => each.ms));
      const chunk = median(runs.map((each) => each.slowestChunkMs));
      const mib = (runs[0]?.bytes ?? 0) / 1024 / 1024;
      line.push(`${format} ${round(ms)} ms whole (${round(mib, 2)} MiB), slowest chunk ${round(chunk, 2)} ms`);
    }
    console.log(line.join("; "));
  }
}

const dir = mkdtempSync(join(tmpdir(), "pqsearch-export-bench-"));
try {
  const seedsDir = writeCorpus(dir, RECORDS, 7);
  const { collection } = await buildCollection({ seedsDir, projectRoot: join(import.meta.dirname, "..") });
  console.log(`bench:export on ${process.platform} ${process.arch}, Node ${process.version}, ${RUNS} runs, medians`);
  await report(`generated ${RECORDS}`, collection);
  const missing = realCollectionMissing();
  if (missing) console.log(`real: skipped (${missing})`);
  else await report("real", await loadCollection(REAL));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
