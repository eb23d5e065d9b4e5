import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildLimits } from "../../index-build/limits";
import { runCli, tempProject } from "./build-helpers";

describe("the size budgets", () => {
  it("default to the Free plan, less room for the Worker's code, sharding when needed", () => {
    const limits = buildLimits(tempProject(), {});
    expect(limits.plan).toBe("free");
    expect(limits.sharding).toBe("auto");
    expect(limits.bundleBudgetBytes).toBeLessThan(limits.freeGzipBytes);
  });

  it("come from pqsearch.config.json, and PQSEARCH_* variables override the file", () => {
    const root = tempProject();
    writeFileSync(join(root, "pqsearch.config.json"), JSON.stringify({ plan: "paid", bundleBudgetBytes: 5000 }));
    expect(buildLimits(root, {})).toMatchObject({ plan: "paid", bundleBudgetBytes: 5000, assetFiles: 100_000 });
    expect(buildLimits(root, { PQSEARCH_BUNDLE_BUDGET: "7000" }).bundleBudgetBytes).toBe(7000);
  });

  it("reject a bad value or an unknown key, naming the variable, or the config file's line", () => {
    const root = tempProject();
    expect(() => buildLimits(root, { PQSEARCH_SHARDING: "sometimes" })).toThrow(
      /^PQSEARCH_SHARDING: expected one of auto, always, never, found "sometimes"$/,
    );
    writeFileSync(join(root, "pqsearch.config.json"), JSON.stringify({ budget: 1 }));
    expect(() => buildLimits(root, {})).toThrow(
      /^pqsearch\.config\.json:1: expected one of the settings plan, .*; found an unknown key "budget"$/,
    );
  });

  it("report every bad setting of the config file at its line, in one run", () => {
    const root = tempProject();
    writeFileSync(join(root, "pqsearch.config.json"), '{\n  "plan": "pro",\n  "recordsPerShard": 0\n}\n');
    const failure = (() => {
      try {
        buildLimits(root, {});
      } catch (error) {
        return error as Error;
      }
    })();
    expect(failure?.message.split("\n")).toEqual([
      'pqsearch.config.json:2: plan: expected one of free, paid, found "pro"',
      "pqsearch.config.json:3: recordsPerShard: expected a whole number greater than 0, found 0",
    ]);
  });
});

// Each of these runs the CLI (a fresh tsx process) once or twice, which is slow on a busy machine.
describe("a build over its bundle budget", { timeout: 60_000 }, () => {
  it("fails when sharding is off, says what to do and leaves the previous output intact", () => {
    const root = tempProject({}, true);
    expect(runCli(root).status).toBe(0);
    const before = readFileSync(join(root, "src/generated/collection.js"), "utf8");
    const run = runCli(root, [], { PQSEARCH_SHARDING: "never", PQSEARCH_BUNDLE_BUDGET: "1024" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^PQSEARCH_SHARDING: expected the collection module within the 1 KiB bundle budget \(free plan\), since sharding is "never", found \d+ KiB gzip/m,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(run.stderr).toMatch(/PQSEARCH_SHARDING=auto/);
    expect(run.stderr).toMatch(/previous output left as it was/);
    expect(readFileSync(join(root, "src/generated/collection.js"), "utf8")).toBe(before);
  });

  it("is sharded into static assets, and a later bundled build removes them", () => {
    const root = tempProject({}, true);
    const sharded = runCli(root, [], { PQSEARCH_BUNDLE_BUDGET: "6000", PQSEARCH_RECORDS_PER_SHARD: "5" });
    expect(sharded.status).toBe(0);
    expect(sharded.stdout).toMatch(/sharded: the whole collection would be [\d.]+ KiB gzip/);
    const builds = readdirSync(join(root, "src/generated/assets/pqsearch"));
    expect(builds).toHaveLength(1);
    expect(readdirSync(join(root, "src/generated/assets/pqsearch", builds[0] as string))).toContain("records-3.json");
    expect(readFileSync(join(root, "src/generated/collection.js"), "utf8")).toMatch(/\\"layout\\":\\"sharded\\"/);

    expect(runCli(root).status).toBe(0);
    expect(existsSync(join(root, "src/generated/assets"))).toBe(true);
    expect(readdirSync(join(root, "src/generated/assets/pqsearch"))).toEqual([]);
  });

  it("fails when even the sharded head is over budget", () => {
    const run = runCli(tempProject({}, true), [], { PQSEARCH_BUNDLE_BUDGET: "100" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^PQSEARCH_BUNDLE_BUDGET: expected the sharded collection's bundled head .* within the 0 KiB bundle budget \(free plan\), found \d+ KiB gzip/m,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
