/**
 * The size budgets the build enforces. Cloudflare's limits are configuration, not constants:
 * `pqsearch.config.json` at the project root may set any of the keys below, and environment
 * variables (PQSEARCH_*) override the file. Sources: developers.cloudflare.com/workers/platform/limits/
 * and /workers/static-assets/ (checked 2026-11-28): compressed script 3 MiB (Free) / 10 MiB (Paid);
 * a static asset file at most 25 MiB; 20,000 asset files (Free) / 100,000 (Paid).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BuildError, BuildFailure, type Place } from "./errors";
import { readJsonDocument } from "./stages/json-document";
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
  /** Where each setting not left at its default was set, so a budget error can name it. */
  origins?: Partial<Record<Setting, Place>>;
}

const MIB = 1024 * 1024;
/** Room left in the script for the Worker's own code (Hono, zod, FlexSearch: ~250 KiB gzip). */
const CODE_ALLOWANCE_BYTES = 512 * 1024;
export const CONFIG_FILE = "pqsearch.config.json";

/** Each setting: its key in the config file and its environment variable. */
const SETTINGS = {
  plan: { key: "plan", env: "PQSEARCH_PLAN" },
  freeGzipBytes: { key: "scriptLimitFreeBytes", env: "PQSEARCH_SCRIPT_LIMIT_FREE" },
  paidGzipBytes: { key: "scriptLimitPaidBytes", env: "PQSEARCH_SCRIPT_LIMIT_PAID" },
  bundleBudgetBytes: { key: "bundleBudgetBytes", env: "PQSEARCH_BUNDLE_BUDGET" },
  sharding: { key: "sharding", env: "PQSEARCH_SHARDING" },
  recordsPerShard: { key: "recordsPerShard", env: "PQSEARCH_RECORDS_PER_SHARD" },
  assetFileBytes: { key: "assetFileBytes", env: "PQSEARCH_ASSET_FILE_LIMIT" },
  postingsFileBytes: { key: "postingsFileBytes", env: "PQSEARCH_POSTINGS_FILE_BYTES" },
  assetFiles: { key: "assetFiles", env: "PQSEARCH_ASSET_COUNT_LIMIT" },
} as const;
export type Setting = keyof typeof SETTINGS;

/** A setting's value and where it came from; `name` is how the message names it inside that place. */
type Source = { place: Place; name: string; value: unknown };

interface ConfigFile {
  values: Map<string, unknown>;
  lineOf: (key: string) => number;
}

function readConfigFile(projectRoot: string, problems: BuildError[]): ConfigFile {
  const none: ConfigFile = { values: new Map(), lineOf: () => 1 };
  const path = join(projectRoot, CONFIG_FILE);
  if (!existsSync(path)) return none;
  let document: ReturnType<typeof readJsonDocument>;
  try {
    document = readJsonDocument(readFileSync(path, "utf8"), CONFIG_FILE);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    problems.push(error);
    return none;
  }
  problems.push(...document.problems);
  const { value } = document;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push(
      new BuildError(
        { file: CONFIG_FILE, line: document.lineOf([]) },
        `expected a JSON object of settings, found ${JSON.stringify(value)}`,
      ),
    );
    return none;
  }
  // "collection" is read by `npm run fetch` (index-build/fetch/config.ts), not by the build's limits.
  const known = [...Object.values(SETTINGS).map((setting) => setting.key as string), "collection"];
  const values = new Map(Object.entries(value));
  for (const key of values.keys())
    if (!known.includes(key))
      problems.push(
        new BuildError(
          { file: CONFIG_FILE, line: document.lineOf([key]) },
          `expected one of the settings ${known.join(", ")}; found an unknown key ${JSON.stringify(key)}`,
        ),
      );
  return { values, lineOf: (key) => document.lineOf([key]) };
}

/** The limits in force: defaults, then `pqsearch.config.json`, then PQSEARCH_* variables. */
export function buildLimits(
  projectRoot = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): BuildLimits {
  const problems: BuildError[] = [];
  const file = readConfigFile(projectRoot, problems);
  const origins: Partial<Record<Setting, Place>> = {};
  const source = (which: Setting): Source | undefined => {
    const { key, env: variable } = SETTINGS[which];
    const fromEnv = env[variable];
    const found: Source | undefined =
      fromEnv !== undefined && fromEnv !== ""
        ? { place: { setting: variable }, name: "", value: fromEnv }
        : file.values.has(key)
          ? { place: { file: CONFIG_FILE, line: file.lineOf(key) }, name: `${key}: `, value: file.values.get(key) }
          : undefined;
    if (found) origins[which] = found.place;
    return found;
  };
  const fail = (found: Source, expected: string) => {
    problems.push(
      new BuildError(found.place, `${found.name}expected ${expected}, found ${JSON.stringify(found.value)}`),
    );
  };
  const wholeNumber = (which: Setting, fallback: number): number => {
    const found = source(which);
    if (!found) return fallback;
    const number = typeof found.value === "string" ? Number(found.value) : found.value;
    if (typeof number === "number" && Number.isInteger(number) && number > 0) return number;
    fail(found, "a whole number greater than 0");
    return fallback;
  };
  const oneOf = <T extends string>(which: Setting, allowed: readonly T[], fallback: T): T => {
    const found = source(which);
    if (!found) return fallback;
    if (typeof found.value === "string" && (allowed as readonly string[]).includes(found.value))
      return found.value as T;
    fail(found, `one of ${allowed.join(", ")}`);
    return fallback;
  };

  const plan = oneOf("plan", ["free", "paid"] as const, "free");
  const freeGzipBytes = wholeNumber("freeGzipBytes", 3 * MIB);
  const paidGzipBytes = wholeNumber("paidGzipBytes", 10 * MIB);
  const scriptLimit = plan === "free" ? freeGzipBytes : paidGzipBytes;
  const limits: BuildLimits = {
    plan,
    freeGzipBytes,
    paidGzipBytes,
    bundleBudgetBytes: wholeNumber("bundleBudgetBytes", Math.max(scriptLimit - CODE_ALLOWANCE_BYTES, 1)),
    sharding: oneOf("sharding", ["auto", "always", "never"] as const, "auto"),
    // A page of 10 relevance-ranked hits usually falls in 10 different shards: small shards keep
    // that to ~500 KB of JSON at ~1.5 KB a record, and 50,000 records to ~1,600 files.
    recordsPerShard: wholeNumber("recordsPerShard", 32),
    assetFileBytes: wholeNumber("assetFileBytes", 25 * MIB),
    postingsFileBytes: wholeNumber("postingsFileBytes", DEFAULT_POSTINGS_FILE_BYTES),
    assetFiles: wholeNumber("assetFiles", plan === "free" ? 20_000 : 100_000),
    origins,
  };
  if (problems.length > 0) throw new BuildFailure(problems);
  return limits;
}
