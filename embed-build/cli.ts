/**
 * `npm run build` (first step): bundles the embeddable widget into src/generated/widget.js and
 * fails, leaving the previous output intact, when the bundle breaks or exceeds its gzip budget.
 *
 *   tsx embed-build/cli.ts [--out <dir>]
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ASSETS_DIR, pruneFiles, writeAtomically } from "../index-build/stages/write";
import { bundleWidget, emitWidgetModule, WIDGET_GZIP_BUDGET } from "./bundle";

const ENTRY = "src/embed/widget/index.ts";
const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string", default: "src/generated" } } });
  let bundle: Awaited<ReturnType<typeof bundleWidget>>;
  try {
    bundle = await bundleWidget(resolve(ENTRY));
  } catch (error) {
    // esbuild's message names file:line:column for each error.
    console.error(error instanceof Error ? error.message : error);
    console.error("widget build failed; previous output left as it was");
    return 1;
  }
  const summary = `widget ${bundle.hash}: ${kib(bundle.rawBytes)} minified, ${kib(bundle.gzipBytes)} gzip of a ${kib(WIDGET_GZIP_BUDGET)} budget`;
  if (bundle.gzipBytes > WIDGET_GZIP_BUDGET) {
    console.error(`${ENTRY}: ${summary}: over budget by ${bundle.gzipBytes - WIDGET_GZIP_BUDGET} bytes`);
    console.error("widget build failed; previous output left as it was");
    return 1;
  }
  // The script first: the module names it by hash, and the Worker serves it from its static assets.
  const assetsDir = join(resolve(values.out), ASSETS_DIR);
  await writeAtomically(assetsDir, `embed.${bundle.hash}.js`, bundle.script);
  await pruneFiles(assetsDir, /^embed\.[0-9a-f]{16}\.js$/, new Set([`embed.${bundle.hash}.js`]));
  await writeAtomically(resolve(values.out), "widget.js", emitWidgetModule(bundle));
  console.log(summary);
  return 0;
}

process.exitCode = await main();
