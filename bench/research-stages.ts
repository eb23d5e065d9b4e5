/**
 * The cost of the research stages (answer groups, related questions) at build time and in the
 * output, for the seed, the real corpora (when present) and generated collections: each stage's
 * CPU time (user + system, so other work on a shared machine inflates it less than wall time)
 * over the records in source order, and the bytes its tables add to the collection. Prints a
 * markdown table for BENCHMARKS.md.
 *
 *   npx tsx bench/research-stages.ts                      # seed, real, 10,000 and 50,000 records
 *   npx tsx bench/research-stages.ts --sizes 2000
 */
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { loadCollection, REAL, realCollectionMissing } from "../eval/collections";
import { groupAnswers } from "../index-build/stages/answer-groups";
import { relatedQuestions } from "../index-build/stages/related";
import type { QuestionRecord } from "../src/schema/record";
import { generateRecords } from "./generate";
import { round } from "./measure";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "10000,50000" } } });

/** CPU milliseconds `work` takes, and its result. */
function cpuMs<T>(work: () => T): { ms: number; result: T } {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, result };
}

const kib = (text: string) => round(text.length / 1024, 1);
const gzipKib = (text: string) => round(gzipSync(Buffer.from(text), { level: 9 }).length / 1024, 1);

function row(name: string, records: readonly QuestionRecord[]): string {
  const groups = cpuMs(() => groupAnswers(records));
  const related = cpuMs(() => relatedQuestions(records));
  const groupsJson = JSON.stringify(groups.result.groups);
  const relatedJson = JSON.stringify(related.result);
  const grouped = groups.result.groups.reduce((sum, group) => sum + group.docs.length, 0);
  const linked = related.result.filter((list) => list.length > 0).length;
  return `| ${name} | ${records.length} | ${round(groups.ms, 0)} | ${groups.result.groups.length} / ${grouped} | ${kib(groupsJson)} (${gzipKib(groupsJson)}) | ${round(related.ms, 0)} | ${round((100 * linked) / records.length, 0)}% | ${kib(relatedJson)} (${gzipKib(relatedJson)}) |`;
}

/** Generated records as the build would hand them to the stages (ids and sources filled in). */
function generated(count: number): QuestionRecord[] {
  return generateRecords(count).map((input, at) => ({
    ...input,
    id: `g${at}`,
    answered: input.answer !== null,
    sources: [{ file: "seeds/generated.jsonl", line: at + 1 }],
  }));
}

const rows: string[] = [];
rows.push(row("seed", (await loadCollection("seeds/")).records));
if (!realCollectionMissing()) rows.push(row("real corpora", (await loadCollection(REAL)).records));
for (const size of (values.sizes ?? "").split(",").filter(Boolean).map(Number))
  rows.push(row(`generated ${size.toLocaleString("en-GB")}`, generated(size)));

const [load] = loadavg();
console.log(
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npx tsx bench/research-stages.ts\` on ${cpus()[0]?.model.trim()} (${cpus().length} cores, ${round(totalmem() / 2 ** 30, 0)} GiB), Node ${process.version}; load average ${round(load ?? 0, 1)}.\n`,
);
console.log(
  "| collection | records | answer groups CPU ms | groups / records grouped | groups KiB raw (gzip) | related CPU ms | records with related | related KiB raw (gzip) |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const line of rows) console.log(line);
