/**
 * `npm run build`: compiles seeds/ into src/generated/collection.js, writes the Worker's other
 * generated files (the pages' hashed assets, the request validators, the OpenAPI document as a
 * static asset: worker-modules.ts) and prints a report.
 * Exits 1 naming file:line (or the setting) of every problem, without a stack trace, leaving the
 * previous output untouched; only a bug in the build itself prints a stack.
 *
 *   tsx index-build/cli.ts [--seeds <dir>] [--out <dir>] [--quiet]
 *
 * Size budgets and sharding come from pqsearch.config.json and PQSEARCH_* (see limits.ts).
 * PQSEARCH_FAULT_PAUSE=<stage>|rename holds the build forever after that stage's banner (or with the
 * output written to its temporary file, before the rename) so a fault test can kill it exactly there.
 */
import { writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ASSET_PREFIX } from "../src/engine/store/shard-layout";
import { FAVICON_ICO_ASSET } from "../src/pages/assets/favicon-ico-asset";
import { problemsOf } from "./errors";
import { buildLimits } from "./limits";
import { buildCollection } from "./pipeline";
import { formatReport } from "./report";
import { ASSETS_DIR, COLLECTION_MODULE, pruneAssets, pruneFiles, writeAssets, writeAtomically } from "./stages/write";
import {
  emitOpenApiAsset,
  emitSiteAssetsModule,
  emitValidators,
  faviconIcoBytes,
  OPENAPI_ASSET,
  SITE_ASSET_FILES,
  SITE_ASSETS_MODULE,
  siteAssetFiles,
  VALIDATORS_MODULE,
} from "./worker-modules";

const USAGE = "usage: npm run build -- [--seeds <dir>] [--out <dir>] [--quiet]";

/** For fault tests: block this process for good at the named point, after saying so on stdout. */
function faultPause(point: string | undefined): (at: string) => void {
  if (!point) return () => {};
  return (at) => {
    if (at !== point) return;
    writeSync(1, `paused at ${at}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
}

function options() {
  try {
    return parseArgs({
      options: {
        seeds: { type: "string", default: "seeds" },
        out: { type: "string", default: "src/generated" },
        quiet: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const values = options();
  if (!values) return 2;
  const projectRoot = process.cwd();
  const pauseAt = faultPause(process.env.PQSEARCH_FAULT_PAUSE);
  const log = (stage: string, message: string) => {
    if (!values.quiet) console.log(`[${stage.padEnd(9)}] ${message}`);
    pauseAt(stage);
  };
  try {
    const limits = buildLimits(projectRoot);
    const { source, assets, report } = await buildCollection({
      seedsDir: resolve(values.seeds),
      projectRoot,
      log,
      limits,
    });
    const outDir = resolve(values.out);
    const modules = new Map([
      [SITE_ASSETS_MODULE, emitSiteAssetsModule()],
      [VALIDATORS_MODULE, emitValidators()],
    ]);
    // Assets first: the module is what points at them, so it is replaced last.
    // The assets directory exists even when empty: wrangler.toml's [assets] names it.
    const assetCount = await writeAssets(outDir, assets);
    if (assetCount > 0) log("write", `${assetCount} asset file(s)`);
    const written = await writeAtomically(outDir, COLLECTION_MODULE, source, () => pauseAt("rename"));
    await pruneAssets(outDir, ASSET_PREFIX, assets.size > 0 ? report.buildId : null);
    log("write", written);
    for (const [name, source] of modules) log("write", await writeAtomically(outDir, name, source));
    log("write", await writeAtomically(join(outDir, ASSETS_DIR), OPENAPI_ASSET, emitOpenApiAsset()));
    log("write", await writeAtomically(join(outDir, ASSETS_DIR), FAVICON_ICO_ASSET, faviconIcoBytes()));
    const siteFiles = siteAssetFiles();
    for (const [file, text] of siteFiles) log("write", await writeAtomically(join(outDir, ASSETS_DIR), file, text));
    await pruneFiles(join(outDir, ASSETS_DIR), SITE_ASSET_FILES, new Set(siteFiles.map(([file]) => file)));
    console.log(formatReport(report, limits));
    return 0;
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error; // a bug in the build: its stack is what the next engineer needs
    for (const problem of problems) console.error(problem.message);
    console.error(`build failed: ${problems.length} problem(s); previous output left as it was`);
    return 1;
  }
}

process.exitCode = await main();
