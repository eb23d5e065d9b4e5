/**
 * `npm run bench:ab` (bench/engine-ab.ts) end to end on a small collection: this checkout against
 * its own HEAD gives the same answers and a row of timings, leaves no worktree behind, and names a
 * revision it cannot find. No timing is asserted: figures are read from the command, not from tests.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./build-helpers";

const command = ["--expose-gc", "--import", "tsx", "bench/engine-ab.ts"];
// It compares revisions, so it needs a git checkout (a source tarball has none).
const inGit = spawnSync("git", ["rev-parse", "--verify", "HEAD"], { cwd: PROJECT_ROOT }).status === 0;
const worktrees = () => execFileSync("git", ["worktree", "list"], { cwd: PROJECT_ROOT, encoding: "utf8" });

describe.skipIf(!inGit)("bench:ab (needs a git checkout)", () => {
  it("compares this checkout's engine with a revision's: answers first, then a timed row per kind", () => {
    const before = worktrees();
    const run = spawnSync(
      process.execPath,
      [...command, "--base", "HEAD", "--records", "300", "--kinds", "rare", "--pairs", "1", "--passes", "2"],
      { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 170_000 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/answers differing: 0 of \d+/);
    expect(run.stdout).toMatch(/\| rare \| engine \| [\d.]+ \([\d.]+–[\d.]+\) \| [\d.]+ \(/);
    expect(worktrees()).toBe(before);
  }, 180_000);

  it("says which revision it could not find", () => {
    const run = spawnSync(process.execPath, [...command, "--base", "no-such-revision"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--base no-such-revision is not a commit of this repository");
  }, 60_000);
});
