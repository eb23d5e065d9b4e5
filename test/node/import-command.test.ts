import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { command } from "../support/cli";
import { asJson, fixture, fixtureText } from "./api-fixtures";
import { tempProject } from "./build-helpers";

function runImport(root: string, args: string[]) {
  const result = spawnSync(...command("index-build/import-cli.ts", args), { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test spawns the command (tsx start-up plus parsing): seconds on a busy machine.
describe("npm run import", { timeout: 30_000 }, () => {
  it("reports what a directory would add, counting copies already in seeds/, and writes nothing", () => {
    const root = tempProject({ "a.json": fixtureText("list-expanded.json") }, true);
    mkdirSync(join(root, "incoming"));
    writeFileSync(join(root, "incoming/single.json"), fixtureText("single-question.json"));
    writeFileSync(join(root, "incoming/array.json"), fixtureText("question-array.json"));
    const run = runImport(root, ["incoming"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^incoming\/array\.json: API array of question objects, 1 record\(s\) read, 1 valid$/m);
    expect(run.stdout).toMatch(/^incoming\/single\.json: API single-question response, 1 record\(s\) read, 1 valid$/m);
    expect(run.stdout).toMatch(/^would add 1 new record\(s\): 2 distinct, 1 cop\(ies\) merged \(counting seeds\/\)$/m);
    expect(run.stdout).toMatch(/^0 problem\(s\)$/m);
    expect(existsSync(join(root, "src/generated"))).toBe(false);
  });

  it("lists every problem with its file and line and exits 1", () => {
    const root = tempProject();
    const bad = fixture("question-array.json");
    bad[0].dateTabled = "yesterday";
    writeFileSync(join(root, "bad.json"), asJson(bad));
    writeFileSync(join(root, "other.json"), asJson({ docs: [] }));
    const run = runImport(root, ["bad.json", "other.json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^problem: bad\.json:\d+: \[0\]\.dateTabled: expected a date as YYYY-MM-DDThh:mm:ss, found "yesterday"$/m,
    );
    expect(run.stderr).toMatch(/^problem: other\.json:1: expected one of the accepted JSON shapes/m);
    expect(run.stdout).toMatch(/^2 problem\(s\): these would fail the build$/m);
  });
});
