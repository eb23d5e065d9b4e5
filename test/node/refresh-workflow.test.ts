/**
 * The scheduled refresh (.github/workflows/refresh.yml): it passes actionlint, and every command it
 * runs is one the README gives a campaigner in "Keeping the collection up to date".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintWorkflow, lintWorkflows } from "../support/lint-workflows";
import { PROJECT_ROOT } from "../support/replay-pools";

const workflow = readFileSync(join(PROJECT_ROOT, ".github/workflows/refresh.yml"), "utf8");
const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
const section = readme.slice(
  readme.indexOf("## Keeping the collection up to date"),
  readme.indexOf("\n## ", readme.indexOf("## Keeping the collection up to date") + 3),
);

/** The commands in the README section's shell blocks and inline code. */
function readmeCommands(): Set<string> {
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((match) => (match[1] ?? "").split("\n"));
  const inline = [...section.matchAll(/`((?:npm|git) [^`]+)`/g)].map((match) => match[1] ?? "");
  return new Set([...blocks, ...inline].map((line) => line.trim()).filter(Boolean));
}

/** The `npm …` and `git add/diff` commands the workflow's steps run, as written. */
function workflowCommands(): string[] {
  return [
    ...workflow.matchAll(
      /\b(npm (?:ci|test|run [\w:-]+(?: -- --\w+)?)|git (?:add|diff) [^\n;|"]+?)(?=\s*(?:\||;|$|\n))/gm,
    ),
  ].map((match) => (match[1] ?? "").trim());
}

describe("the refresh workflow", () => {
  it("passes actionlint", async () => {
    expect(await lintWorkflows(PROJECT_ROOT)).toEqual([]);
  });

  it("would be caught by actionlint if it used a context that does not exist", async () => {
    const broken = workflow.replace("steps.fetch.outputs.changed == 'true'", "step.fetch.outputs.changed == 'true'");
    const problems = await lintWorkflow(broken, ".github/workflows/refresh.yml");
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/undefined variable "step"/)]);
  });

  it("runs only commands the README gives a campaigner", () => {
    const commands = workflowCommands();
    expect(commands).toEqual(
      expect.arrayContaining([
        "npm ci",
        "npm run fetch",
        "npm run fetch -- --full",
        "npm run build",
        "npm run check",
        "npm run deploy",
      ]),
    );
    const documented = readmeCommands();
    expect(commands.filter((command) => !documented.has(command))).toEqual([]);
  });

  it("runs weekly and by hand, and stops after the fetch when nothing changed", () => {
    expect(workflow).toMatch(/^ {2}schedule:\n {4}- cron: "17 5 \* \* 1"/m);
    expect(workflow).toMatch(/^ {2}workflow_dispatch:/m);
    const steps = workflow.slice(workflow.indexOf("- name: Fetch what changed")).split("\n      - name: ").slice(1);
    expect(steps.map((step) => step.split("\n")[0])).toEqual([
      "Build",
      "Check the site still builds",
      "Commit the changed seed files",
      "Deploy",
    ]);
    for (const step of steps) expect(step).toMatch(/^ {8}if: steps\.fetch\.outputs\.changed == 'true'/m);
    for (const secret of ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID"])
      expect(workflow).toContain(`${secret}: \${{ secrets.${secret} }}`);
  });
});
