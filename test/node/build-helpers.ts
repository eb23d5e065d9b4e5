/** Runs the build on throw-away seed directories. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BuildLimits } from "../../index-build/limits";
import { type BuildOutput, buildCollection } from "../../index-build/pipeline";
import { command } from "../support/cli";

export const PROJECT_ROOT = resolve(import.meta.dirname, "../..");
export const SEED_FILE = "000_43bc1e8ddf995492.txt";

/** A temporary project directory with `seeds/` holding the given files (name → contents). */
export function tempProject(files: Record<string, string> = {}, withSeed = false): string {
  const root = mkdtempSync(join(tmpdir(), "pqsearch-"));
  mkdirSync(join(root, "seeds"));
  if (withSeed) cpSync(join(PROJECT_ROOT, "seeds", SEED_FILE), join(root, "seeds", SEED_FILE));
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(root, "seeds", name), contents);
  return root;
}

/** Paid-plan limits for tests that choose the layout; one key per postings file unless overridden. */
export function testLimits(overrides: Partial<BuildLimits> = {}): BuildLimits {
  return {
    plan: "paid",
    freeGzipBytes: 3 * 1024 * 1024,
    paidGzipBytes: 10 * 1024 * 1024,
    bundleBudgetBytes: 9 * 1024 * 1024,
    sharding: "auto",
    recordsPerShard: 40,
    assetFileBytes: 25 * 1024 * 1024,
    assetFiles: 100_000,
    postingsFileBytes: 1,
    ...overrides,
  };
}

export function build(root: string, limits?: BuildLimits): Promise<BuildOutput> {
  return buildCollection({ seedsDir: join(root, "seeds"), projectRoot: root, limits });
}

/** The build CLI as users run it, in `root`; returns exit status and output. */
export function runCli(root: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(...command("index-build/cli.ts", args), {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Evaluates an emitted collection module and returns its default export. */
export async function loadModule(source: string) {
  const url = `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`;
  return (await import(url)).default;
}
