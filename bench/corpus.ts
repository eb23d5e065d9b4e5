/**
 * Writes a generated corpus as a seeds directory:
 *
 *   tsx bench/corpus.ts --records 10000 [--seed 1] --out <dir>    → <dir>/seeds/generated.jsonl
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateRecords, toJsonLines } from "./generate";

export function writeCorpus(outDir: string, records: number, seed = 1): string {
  const seedsDir = join(outDir, "seeds");
  mkdirSync(seedsDir, { recursive: true });
  writeFileSync(join(seedsDir, "generated.jsonl"), toJsonLines(generateRecords(records, seed)));
  return seedsDir;
}

if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  const { values } = parseArgs({
    options: { records: { type: "string" }, seed: { type: "string", default: "1" }, out: { type: "string" } },
  });
  if (!values.records || !values.out) {
    console.error("usage: tsx bench/corpus.ts --records N [--seed S] --out DIR");
    process.exit(2);
  }
  console.log(writeCorpus(resolve(values.out), Number(values.records), Number(values.seed)));
}
