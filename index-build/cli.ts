/**
 * `npm run build`: compiles seeds/ into src/generated/collection.js and prints a report.
 * Exits 1 naming file:line on any invalid input, leaving the previous output untouched.
 *
 *   tsx index-build/cli.ts [--seeds <dir>] [--out <dir>]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BuildError } from "./errors";
import { scriptLimits } from "./limits";
import { BuildFailure, buildCollection } from "./pipeline";
import { formatReport } from "./report";
import { COLLECTION_MODULE, writeAtomically } from "./stages/write";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seeds: { type: "string", default: "seeds" },
      out: { type: "string", default: "src/generated" },
      quiet: { type: "boolean", default: false },
    },
  });
  const projectRoot = process.cwd();
  const log = (stage: string, message: string) => {
    if (!values.quiet) console.log(`[${stage.padEnd(9)}] ${message}`);
  };
  try {
    const limits = scriptLimits();
    const { source, report } = await buildCollection({ seedsDir: resolve(values.seeds), projectRoot, log });
    const written = await writeAtomically(resolve(values.out), COLLECTION_MODULE, source);
    log("write", written);
    console.log(formatReport(report, limits));
    return 0;
  } catch (error) {
    if (error instanceof BuildFailure) {
      for (const problem of error.errors) console.error(problem.message);
      console.error(`build failed: ${error.errors.length} problem(s); previous output left as it was`);
      return 1;
    }
    if (error instanceof BuildError) {
      console.error(error.message);
      console.error("build failed; previous output left as it was");
      return 1;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  }
}

process.exitCode = await main();
