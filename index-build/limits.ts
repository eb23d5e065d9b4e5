/**
 * The size budgets the build enforces. Cloudflare's limits are configuration, not constants:
 * `pqsearch.config.json` at the project root may set any of the keys below, and environment
 * variables (PQSEARCH_*) override the file. Sources: developers.cloudflare.com/workers/platform/limits/
 * and /workers/static-assets/ (checked 2026-11-28): compressed script 3 MiB (Free) / 10 MiB (Paid);
 * a static asset file at most 25 MiB; 20,000 asset files (Free) / 100,000 (Paid).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_POSTINGS_FILE_BYTES } from "./stages/shard";

export type Plan = "free" | "paid";
/** `auto`: shard only when the bundle would pass its budget; `always`/`never` force either layout. */
export type Sharding = "auto" | "always" | "never";

export interface ScriptLimits {
  freeGzipBytes: number;
  paidGzipBytes: number;
}

export interface BuildLimits extends ScriptLimits {
  plan: Plan;
  /** Gzip bytes the collection module may take in the Worker bundle (the script limit less the code). */
  bundleBudgetBytes: number;
  sharding: Sharding;
  /** Records per record-store shard: a lookup fetches and parses one shard. */
  recordsPerShard: number;
  /** Largest single static-asset file, raw bytes. */
  assetFileBytes: number;
  /** Raw bytes a postings file grows to before the next starts: a search fetches the files holding its keys. */
  postingsFileBytes: number;
  /** Most static-asset files a deployment may hold. */
  assetFiles: number;
}

const MIB = 1024 * 1024;
/** Room left in the script for the Worker's own code (Hono, zod, FlexSearch: ~250 KiB gzip). */
const CODE_ALLOWANCE_BYTES = 512 * 1024;
export const CONFIG_FILE = "pqsearch.config.json";

type Source = { name: string; value: unknown };

function wholeNumber({ name, value }: Source): number {
  const number = typeof value === "string" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number <= 0)
    throw new Error(`pqsearch: ${name} must be a whole number greater than 0, found ${JSON.stringify(value)}`);
  return number;
}

function oneOf<T extends string>(allowed: readonly T[], { name, value }: Source): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value))
    throw new Error(`pqsearch: ${name} must be one of ${allowed.join(", ")}, found ${JSON.stringify(value)}`);
  return value as T;
}

function readConfigFile(projectRoot: string): Record<string, unknown> {
  const path = join(projectRoot, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`pqsearch: ${CONFIG_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error(`pqsearch: ${CONFIG_FILE} must hold a JSON object, found ${JSON.stringify(parsed)}`);
  const known = new Set<string>(Object.values(SETTINGS).map((setting) => setting.key));
  for (const key of Object.keys(parsed))
    if (!known.has(key)) throw new Error(`pqsearch: ${CONFIG_FILE} has an unknown key ${JSON.stringify(key)}`);
  return parsed as Record<string, unknown>;
}

/** Each setting: its key in the config file and its environment variable. */
const SETTINGS = {
  plan: { key: "plan", env: "PQSEARCH_PLAN" },
  free: { key: "scriptLimitFreeBytes", env: "PQSEARCH_SCRIPT_LIMIT_FREE" },
  paid: { key: "scriptLimitPaidBytes", env: "PQSEARCH_SCRIPT_LIMIT_PAID" },
  budget: { key: "bundleBudgetBytes", env: "PQSEARCH_BUNDLE_BUDGET" },
  sharding: { key: "sharding", env: "PQSEARCH_SHARDING" },
  recordsPerShard: { key: "recordsPerShard", env: "PQSEARCH_RECORDS_PER_SHARD" },
  assetFileBytes: { key: "assetFileBytes", env: "PQSEARCH_ASSET_FILE_LIMIT" },
  postingsFileBytes: { key: "postingsFileBytes", env: "PQSEARCH_POSTINGS_FILE_BYTES" },
  assetFiles: { key: "assetFiles", env: "PQSEARCH_ASSET_COUNT_LIMIT" },
} as const;

/** The limits in force: defaults, then `pqsearch.config.json`, then PQSEARCH_* variables. */
export function buildLimits(
  projectRoot = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): BuildLimits {
  const file = readConfigFile(projectRoot);
  const setting = (which: keyof typeof SETTINGS): Source | undefined => {
    const { key, env: variable } = SETTINGS[which];
    const fromEnv = env[variable];
    if (fromEnv !== undefined && fromEnv !== "") return { name: variable, value: fromEnv };
    if (file[key] !== undefined) return { name: `${CONFIG_FILE} ${key}`, value: file[key] };
    return undefined;
  };
  const number = (which: keyof typeof SETTINGS, fallback: number) => {
    const source = setting(which);
    return source ? wholeNumber(source) : fallback;
  };
  const planSource = setting("plan");
  const plan = planSource ? oneOf(["free", "paid"] as const, planSource) : "free";
  const shardingSource = setting("sharding");
  const freeGzipBytes = number("free", 3 * MIB);
  const paidGzipBytes = number("paid", 10 * MIB);
  const scriptLimit = plan === "free" ? freeGzipBytes : paidGzipBytes;
  return {
    plan,
    freeGzipBytes,
    paidGzipBytes,
    bundleBudgetBytes: number("budget", Math.max(scriptLimit - CODE_ALLOWANCE_BYTES, 1)),
    sharding: shardingSource ? oneOf(["auto", "always", "never"] as const, shardingSource) : "auto",
    // A page of 10 relevance-ranked hits usually falls in 10 different shards: small shards keep
    // that to ~500 KB of JSON at ~1.5 KB a record, and 50,000 records to ~1,600 files.
    recordsPerShard: number("recordsPerShard", 32),
    assetFileBytes: number("assetFileBytes", 25 * MIB),
    postingsFileBytes: number("postingsFileBytes", DEFAULT_POSTINGS_FILE_BYTES),
    assetFiles: number("assetFiles", plan === "free" ? 20_000 : 100_000),
  };
}
