/**
 * Chooses the output layout and enforces the size budgets: a collection that fits its bundle
 * budget is bundled whole; one that does not is sharded into static assets (unless sharding is
 * off), and anything still over a limit fails the build with what to do about it.
 */
import type { CompiledCollection } from "../src/engine/compiled";
import { type BuildLimits, CONFIG_FILE } from "./limits";
import { measure } from "./report";
import { emitModule } from "./stages/emit";
import { shardCollection } from "./stages/shard";

export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BudgetError";
  }
}

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

export function chooseLayout(collection: CompiledCollection, bundledSource: string, limits: BuildLimits): Layout {
  const bundled = measure(bundledSource);
  const overBudget = bundled.gzipBytes > limits.bundleBudgetBytes;
  const budget = `the ${kib(limits.bundleBudgetBytes)} bundle budget (${limits.plan} plan)`;
  if (limits.sharding === "never" || (limits.sharding === "auto" && !overBudget)) {
    if (overBudget)
      throw new BudgetError(
        `pqsearch: the collection module is ${kib(bundled.gzipBytes)} gzip, over ${budget}. ` +
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
    throw new BudgetError((error as Error).message);
  }
  const { head, files } = sharded;
  const source = emitModule(head, collection.meta.buildId);
  const sizes = measure(source);
  if (sizes.gzipBytes > limits.bundleBudgetBytes)
    throw new BudgetError(
      `pqsearch: even sharded, the bundled head (record skeletons, facet codes, sort keys) is ${kib(sizes.gzipBytes)} gzip, ` +
        `over ${budget}. Set "plan": "paid" in ${CONFIG_FILE} if the account allows it, or split the collection into several Workers.`,
    );
  if (files.size > limits.assetFiles)
    throw new BudgetError(
      `pqsearch: sharding makes ${files.size} asset files, over the limit of ${limits.assetFiles}; ` +
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
