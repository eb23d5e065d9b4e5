/**
 * `npm run lint:openapi`: writes the OpenAPI document the Worker serves to
 * test-artifacts/openapi.json, then lints it with Redocly (redocly.yaml: the recommended rules,
 * warnings as errors) and Spectral (.spectral.yaml: spectral:oas, failing on warnings). Exits 1
 * if either reports anything. Run `npm run build` first, as for the Worker itself.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { servedOpenApiDocument } from "./openapi-document";

const ROOT = resolve(import.meta.dirname, "../..");
const OUTPUT = resolve(ROOT, "test-artifacts/openapi.json");
const bin = (name: string) => resolve(ROOT, "node_modules/.bin", name);

export interface LintRun {
  tool: string;
  status: number | null;
  output: string;
}

function run(tool: string, args: string[]): LintRun {
  const result = spawnSync(bin(tool), args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { tool, status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Writes the document and runs both linters on it. */
export async function lintOpenApi(): Promise<LintRun[]> {
  mkdirSync(resolve(OUTPUT, ".."), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(await servedOpenApiDocument(), null, 2)}\n`);
  return [
    run("redocly", ["lint", "--config", "redocly.yaml", OUTPUT]),
    run("spectral", ["lint", "--ruleset", ".spectral.yaml", "--fail-severity", "warn", OUTPUT]),
  ];
}

if (import.meta.main) {
  const runs = await lintOpenApi();
  for (const { tool, status, output } of runs)
    console.log(`lint:openapi: ${tool} exited ${status}\n${output.trim()}\n`);
  if (runs.some((lint) => lint.status !== 0)) process.exit(1);
}
