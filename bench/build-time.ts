/**
 * `npm run bench:build`: build time and peak memory for the same generated records written as one
 * canonical JSON array and as JSON Lines, so the two seed formats can be compared like for like.
 * Each build runs in a fresh process (bench/build-child.ts); formats alternate run by run, so load
 * from other work on the machine falls on both. Writes its section of BENCHMARKS.md (among the
 * hand-written notes, which `npm run bench` keeps).
 *
 *   npm run bench:build                                   # 10,000 and 50,000 records, 3 runs each
 *   npm run bench:build -- --sizes 2000 --runs 1 --no-markdown
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateRecords, toJsonLines } from "./generate";
import { median, round } from "./measure";

const ROOT = resolve(import.meta.dirname, "..");
const FORMATS = ["json", "jsonl"] as const;
type Format = (typeof FORMATS)[number];
const START = "<!-- bench:build: npm run bench:build rewrites this section -->";
const END = "<!-- /bench:build -->";

interface ChildResult {
  totalMs: number;
  stages: Array<[string, number, number]>;
  records: number;
  peakRssMiB: number;
}

interface Row {
  records: number;
  format: Format;
  fileMB: number;
  runs: Array<ChildResult | null>;
}

function writeProject(format: Format, text: string): string {
  const root = mkdtempSync(join(tmpdir(), `pqsearch-bench-build-${format}-`));
  mkdirSync(join(root, "seeds"));
  writeFileSync(join(root, "seeds", `generated.${format}`), text);
  return root;
}

function buildOnce(root: string, timeoutSeconds: number): ChildResult | null {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/build-child.ts"), root], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    console.error(child.signal ? `  killed after ${timeoutSeconds} s` : `  failed: ${child.stderr.slice(0, 2000)}`);
    return null;
  }
  return JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as ChildResult;
}

/** Time from the start to the end of validation: reading and parsing the seed, what differs by format. */
const untilValidated = (run: ChildResult) => run.stages.find(([stage]) => stage === "validate")?.[1] ?? Number.NaN;

const seconds = (ms: number) => (Number.isNaN(ms) ? "–" : (ms / 1000).toFixed(1));
const medianOf = (runs: Array<ChildResult | null>, pick: (run: ChildResult) => number) => {
  const done = runs.filter((run): run is ChildResult => run !== null);
  return done.length === runs.length ? median(done.map(pick)) : Number.NaN;
};

function renderSection(rows: Row[], command: string, runs: number, load: number[]): string {
  const lines = [START, "", "## Building from a JSON array and from JSON Lines", ""];
  lines.push(
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`${command}\` on ` +
      `${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores, ${round(totalmem() / 2 ** 30, 0)} GiB), ` +
      `Node ${process.version}; load average ${load.map((value) => value.toFixed(1)).join(" / ")} at the start ` +
      "(a shared machine: compare the two formats within a row pair, not across runs).",
    "",
    "The same generated records (`bench/generate.ts`, seed 1) as one pretty-printed canonical JSON array " +
      "(`JSON.stringify(records, null, 2)`) and as JSON Lines. Each build is the whole pipeline in a fresh Node " +
      `process (\`bench/build-child.ts\`, default limits, output not written); medians of ${runs} run(s), formats ` +
      "alternating. *read → validate* is the part that differs by format: reading, parsing, locating and validating " +
      "the records. Peak RSS is the build process's `maxRSS`.",
    "",
    "| records | format | file MB | build s | read → validate s | peak RSS MiB | build time, JSON / JSONL |",
    "|---:|---|---:|---:|---:|---:|---:|",
  );
  for (const row of rows) {
    const total = medianOf(row.runs, (run) => run.totalMs);
    const jsonl = rows.find((other) => other.records === row.records && other.format === "jsonl") as Row;
    const ratio = total / medianOf(jsonl.runs, (run) => run.totalMs);
    lines.push(
      `| ${row.records.toLocaleString("en-GB")} | ${row.format} | ${row.fileMB.toFixed(1)} | ${seconds(total)} | ` +
        `${seconds(medianOf(row.runs, untilValidated))} | ${fixed(medianOf(row.runs, (run) => run.peakRssMiB))} | ` +
        `${row.format === "json" && !Number.isNaN(ratio) ? ratio.toFixed(2) : ""} |`,
    );
  }
  lines.push("", END);
  return lines.join("\n");
}

const fixed = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(0));

function writeSection(path: string, section: string): void {
  const previous = readFileSync(path, "utf8");
  const start = previous.indexOf(START);
  const end = previous.indexOf(END);
  const next =
    start >= 0 && end > start
      ? previous.slice(0, start) + section + previous.slice(end + END.length)
      : `${previous.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10000,50000" },
      runs: { type: "string", default: "3" },
      timeout: { type: "string", default: "900" },
      markdown: { type: "string", default: "BENCHMARKS.md" },
      "no-markdown": { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  const timeout = Number(values.timeout);
  const load = loadavg();
  const rows: Row[] = [];
  for (const size of values.sizes.split(",").map(Number)) {
    const records = generateRecords(size, 1);
    const texts: Record<Format, string> = { json: JSON.stringify(records, null, 2), jsonl: toJsonLines(records) };
    const roots = Object.fromEntries(FORMATS.map((format) => [format, writeProject(format, texts[format])]));
    const sized = FORMATS.map((format) => ({
      records: size,
      format,
      fileMB: Buffer.byteLength(texts[format]) / 1e6,
      runs: [] as Array<ChildResult | null>,
    }));
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? sized : [...sized].reverse();
      for (const row of order) {
        const result = buildOnce(roots[row.format] as string, timeout);
        console.log(
          `${size} ${row.format} run ${run + 1}: ${result ? `${seconds(result.totalMs)} s, ${fixed(result.peakRssMiB)} MiB` : "no result"}`,
        );
        row.runs.push(result);
      }
    }
    for (const root of Object.values(roots)) rmSync(root as string, { recursive: true, force: true });
    rows.push(...sized);
  }
  const args = process.argv.slice(2).join(" ");
  const command = args ? `npm run bench:build -- ${args}` : "npm run bench:build";
  const section = renderSection(rows, command, runs, load);
  console.log(`\n${section}`);
  if (!values["no-markdown"]) writeSection(resolve(ROOT, values.markdown), section);
}

await main();
