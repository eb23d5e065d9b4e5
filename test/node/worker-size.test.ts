/**
 * `npm run size` bundles the Worker as wrangler would upload it and holds it to a budget: over
 * the budget it exits 1 saying by how much, after printing the size and the largest parts.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

function size(env: Record<string, string>) {
  return spawnSync(process.execPath, [resolve(ROOT, "node_modules/tsx/dist/cli.mjs"), "index-build/worker-size.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

describe("the Worker's size check", () => {
  it("fails a bundle over its budget, saying by how much and what the bundle holds", { timeout: 120_000 }, () => {
    const run = size({ PQSEARCH_WORKER_BUDGET_KIB: "1" });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(
      /^Worker bundle: [\d.]+ KiB minified \(budget 1 KiB\), [\d.]+ KiB gzip \(budget 80 KiB\)/m,
    );
    expect(run.stdout).toMatch(/largest parts: .*hono [\d.]+ KiB/);
    expect(run.stderr).toMatch(/the minified bundle is [\d.]+ KiB over its 1 KiB budget/);
    expect(run.stderr).not.toMatch(/gzip bundle is/);
  });

  it("refuses a budget that is not a positive number, naming the variable", () => {
    const run = size({ PQSEARCH_WORKER_GZIP_BUDGET_KIB: "eighty" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PQSEARCH_WORKER_GZIP_BUDGET_KIB: expected a positive number of KiB, found "eighty"');
    expect(run.stdout).toBe("");
  });
});
