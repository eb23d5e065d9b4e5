/**
 * The cost of the research stages (answer groups, related questions) at build time and in the
 * output: for the seed, the real corpora (when present) and generated collections, each stage's
 * wall time in the real build (the pipeline's stage banners) and the bytes its tables add to the
 * bundle or the static assets. Prints a markdown table for BENCHMARKS.md.
 *
 *   npx tsx bench/research-stages.ts                      # seed, real, 10,000 and 50,000 records
 *   npx tsx bench/research-stages.ts --sizes 2000
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { corporaDir, REAL_API_FILES, realCollectionMissing } from "../eval/collections";
import { buildLimits } from "../index-build/limits";
import { type BuildOutput, buildCollection } from "../index-build/pipeline";
import { generateRecords, toJsonLines } from "./generate";
import { nowMs, round } from "./measure";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { sizes: { type: "string", default: "10000,50000" } } });

interface Measured {
  name: string;
  records: number;
  totalMs: number;
  stageMs: Map<string, number>;
  output: BuildOutput;
}

async function measuredBuild(name: string, seedsDir: string): Promise<Measured> {
  const started = nowMs();
  let last = started;
  const stageMs = new Map<string, number>();
  const output = await buildCollection({
    seedsDir,
    projectRoot: ROOT,
    limits: buildLimits(ROOT, {}),
    log: (stage) => {
      const now = nowMs();
      stageMs.set(stage, now - last);
      last = now;
    },
  });
  return { name, records: output.report.records, totalMs: nowMs() - started, stageMs, output };
}

const kib = (bytes: number) => round(bytes / 1024, 1);
const gzip = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

function row({ name, records, totalMs, stageMs, output }: Measured): string {
  const { collection, report } = output;
  const groups = JSON.stringify(collection.answerGroups);
  const related = JSON.stringify(collection.related);
  const grouped = collection.answerGroups.reduce((sum, group) => sum + group.docs.length, 0);
  const sizes =
    report.layout === "bundled"
      ? `bundled ${kib(report.gzipBytes)} KiB gzip`
      : `sharded head ${kib(report.gzipBytes)} KiB gzip, ${report.assetFiles} asset files`;
  return `| ${name} | ${records} | ${round(totalMs / 1000, 1)} | ${round(stageMs.get("answers") ?? 0, 0)} | ${round(stageMs.get("related") ?? 0, 0)} | ${collection.answerGroups.length} / ${grouped} | ${kib(groups.length)} (${kib(gzip(groups))}) | ${kib(related.length)} (${kib(gzip(related))}) | ${sizes} |`;
}

function tempSeeds(files: Map<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "pqsearch-research-bench-"));
  mkdirSync(join(root, "seeds"));
  for (const [name, text] of files) writeFileSync(join(root, "seeds", name), text);
  return root;
}

const rows: string[] = [];
rows.push(row(await measuredBuild("seed", join(ROOT, "seeds"))));
if (!realCollectionMissing()) {
  const { readFileSync, readdirSync } = await import("node:fs");
  const files = new Map<string, string>();
  for (const file of readdirSync(join(ROOT, "seeds"))) files.set(file, readFileSync(join(ROOT, "seeds", file), "utf8"));
  for (const file of REAL_API_FILES) files.set(file, readFileSync(join(corporaDir(), file), "utf8"));
  const root = tempSeeds(files);
  rows.push(row(await measuredBuild("real corpora", join(root, "seeds"))));
  rmSync(root, { recursive: true, force: true });
}
for (const size of (values.sizes ?? "").split(",").filter(Boolean).map(Number)) {
  const root = tempSeeds(new Map([["generated.jsonl", toJsonLines(generateRecords(size))]]));
  rows.push(row(await measuredBuild(`generated ${size.toLocaleString("en-GB")}`, join(root, "seeds"))));
  rmSync(root, { recursive: true, force: true });
}

console.log(
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npx tsx bench/research-stages.ts\` on ${cpus()[0]?.model.trim()} (${cpus().length} cores, ${round(totalmem() / 2 ** 30, 0)} GiB), Node ${process.version}.\n`,
);
console.log(
  "| collection | records | build s | answers stage ms | related stage ms | groups / records grouped | answer groups KiB raw (gzip) | related KiB raw (gzip) | output |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
for (const line of rows) console.log(line);
