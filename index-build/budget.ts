/**
 * Chooses the output layout and enforces the size budgets: a collection that fits its bundle
 * budget is bundled whole; one that does not is sharded into static assets (unless sharding is
 * off), and anything still over a limit fails the build with what to do about it.
 */
import type { CompiledCollection } from "../src/engine/compiled";
import { BuildError, type Place } from "./errors";
import { type BuildLimits, CONFIG_FILE, type Setting } from "./limits";
import { measure } from "./report";
import { emitModule } from "./stages/emit";
import { shardCollection } from "./stages/shard";

export interface Layout {
  layout: "bundled" | "sharded";
  /** The module bundled into the Worker. */
  source: string;
  rawBytes: number;
  gzipBytes: number;
  /** Asset path → contents; empty when bundled. */
  assets: Map<string, string>;
  assetBytes: number;
  /** The whole collection as one module, for the report, whichever layout was chosen. */
  bundledRawBytes: number;
  bundledGzipBytes: number;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** Where a limit was set (a PQSEARCH_* variable, a line of the config file), or that it is the default. */
function placeOf(limits: BuildLimits, setting: Setting, fallback: string): Place {
  return limits.origins?.[setting] ?? { setting: fallback };
}

export function chooseLayout(collection: CompiledCollection, bundledSource: string, limits: BuildLimits): Layout {
  const bundled = measure(bundledSource);
  const overBudget = bundled.gzipBytes > limits.bundleBudgetBytes;
  const budget = `the ${kib(limits.bundleBudgetBytes)} bundle budget (${limits.plan} plan)`;
  if (limits.sharding === "never" || (limits.sharding === "auto" && !overBudget)) {
    if (overBudget)
      throw new BuildError(
        placeOf(limits, "sharding", "sharding"),
        `expected the collection module within ${budget}, since sharding is "never", found ${kib(bundled.gzipBytes)} gzip. ` +
          `Set "sharding" to "auto" in ${CONFIG_FILE} (or PQSEARCH_SHARDING=auto) to serve the index and records ` +
          `from Workers Static Assets, or set "plan": "paid" if the account is on the Paid plan.`,
      );
    return {
      layout: "bundled",
      source: bundledSource,
      ...bundled,
      assets: new Map(),
      assetBytes: 0,
      bundledRawBytes: bundled.rawBytes,
      bundledGzipBytes: bundled.gzipBytes,
    };
  }

  let sharded: ReturnType<typeof shardCollection>;
  try {
    sharded = shardCollection(collection, {
      recordsPerShard: limits.recordsPerShard,
      assetFileBytes: limits.assetFileBytes,
      postingsFileBytes: limits.postingsFileBytes,
    });
  } catch (error) {
    // shard.ts says which file is over the asset file limit and what to change.
    throw new BuildError(
      placeOf(limits, "assetFileBytes", "the asset file limit (Cloudflare's 25 MiB)"),
      (error as Error).message.replace(/^pqsearch: /, ""),
    );
  }
  const { head, files } = sharded;
  const source = emitModule(head, collection.meta.buildId);
  const sizes = measure(source);
  if (sizes.gzipBytes > limits.bundleBudgetBytes)
    throw new BuildError(
      placeOf(limits, "bundleBudgetBytes", `the ${limits.plan} plan's bundle budget`),
      `expected the sharded collection's bundled head (facet codes, sort keys, answer dates) within ${budget}, ` +
        `found ${kib(sizes.gzipBytes)} gzip. Set "plan": "paid" in ${CONFIG_FILE} if the account allows it, or split the collection into several Workers.`,
    );
  if (files.size > limits.assetFiles)
    throw new BuildError(
      placeOf(limits, "assetFiles", `the ${limits.plan} plan's asset file count`),
      `expected at most ${limits.assetFiles} asset files, found ${files.size} after sharding; ` +
        `raise "recordsPerShard" in ${CONFIG_FILE} (or PQSEARCH_RECORDS_PER_SHARD).`,
    );
  let assetBytes = 0;
  for (const contents of files.values()) assetBytes += Buffer.byteLength(contents);
  return {
    layout: "sharded",
    source,
    ...sizes,
    assets: files,
    assetBytes,
    bundledRawBytes: bundled.rawBytes,
    bundledGzipBytes: bundled.gzipBytes,
  };
}
