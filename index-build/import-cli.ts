/**
 * `npm run import -- <file or directory>…`: prints what the files would add (records, merges,
 * truncations, conflicts, problems) without building or writing. Exits 1 when any record would
 * fail the build, so a script can check a download before putting it in seeds/.
 *
 *   tsx index-build/import-cli.ts [--seeds <dir>] <file or directory>…
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { problemsOf } from "./errors";
import { importReport } from "./import";
import { formatConflict, formatTruncation } from "./report";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { seeds: { type: "string", default: "seeds" } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error("usage: npm run import -- [--seeds <dir>] <file or directory>…");
    return 2;
  }
  const missing = positionals.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    for (const path of missing) console.error(`${path}: expected a file or directory, found nothing there`);
    return 2;
  }
  const seedsDir = existsSync(values.seeds) ? resolve(values.seeds) : null;
  try {
    const report = await importReport(
      positionals.map((path) => resolve(path)),
      seedsDir,
      process.cwd(),
    );
    for (const file of report.files) {
      const shape = file.shape ?? "not imported";
      console.log(`${file.file}: ${shape}, ${file.read} record(s) read, ${file.valid} valid`);
    }
    for (const { path, reason } of report.skipped) console.log(`${path}: skipped, ${reason}`);
    console.log(
      `would add ${report.newRecords} new record(s): ${report.distinct} distinct, ${report.mergedCopies} cop(ies) merged` +
        (seedsDir ? ` (counting ${values.seeds}/)` : ""),
    );
    console.log(formatTruncation(report.truncation));
    for (const conflict of report.conflicts) console.log(formatConflict(conflict));
    for (const warning of report.warnings) console.log(`warning: ${warning}`);
    for (const problem of report.problems) console.error(`problem: ${problem.message}`);
    console.log(`${report.problems.length} problem(s)${report.problems.length ? ": these would fail the build" : ""}`);
    return report.problems.length > 0 ? 1 : 0;
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error; // a bug: keep its stack
    for (const problem of problems) console.error(`problem: ${problem.message}`);
    return 1;
  }
}

process.exitCode = await main();
