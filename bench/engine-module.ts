/**
 * The engine as the Worker runs it, for timing from Node. tsx compiles the project with esbuild's
 * `keepNames`, which wraps every function made at run time in a `__name` call (an
 * `Object.defineProperty`): a search's closures then cost what they never cost in the Worker,
 * bundled with wrangler.toml's `keep_names = false` (3–10 % of a small search, CPU profile). So
 * the bench bundles `src/engine` the same way and times that; MiniSearch runs as npm ships it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

type Engine = typeof import("../src/engine");

/** The bundled engine's module, written to a temporary file (an engine host process imports it too). */
export let engineModuleFile: string | undefined;

export async function loadEngine(): Promise<Engine> {
  const outfile = join(mkdtempSync(join(tmpdir(), "pqsearch-engine-")), "engine.mjs");
  engineModuleFile = outfile;
  await build({
    entryPoints: [resolve(import.meta.dirname, "../src/engine/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    keepNames: false,
    outfile,
    logLevel: "warning",
  });
  return (await import(pathToFileURL(outfile).href)) as Engine;
}
