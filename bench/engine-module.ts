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

const ROOT = resolve(import.meta.dirname, "..");

/**
 * Bundles the engine of the source tree at `root` (this checkout by default; an older revision's
 * worktree for `npm run bench:ab`) into `outfile`, as the Worker bundles it. Packages resolve
 * from this checkout's node_modules, so a worktree needs no install of its own.
 */
export async function bundleEngine(outfile: string, root = ROOT): Promise<void> {
  await build({
    entryPoints: [join(root, "src/engine/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    keepNames: false,
    nodePaths: [join(ROOT, "node_modules")],
    outfile,
    logLevel: "warning",
  });
}

export async function loadEngine(): Promise<Engine> {
  const outfile = join(mkdtempSync(join(tmpdir(), "pqsearch-engine-")), "engine.mjs");
  engineModuleFile = outfile;
  await bundleEngine(outfile);
  return (await import(pathToFileURL(outfile).href)) as Engine;
}
