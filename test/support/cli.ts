/**
 * How tests run the project's commands as users do, but quicker: the command's source bundled by
 * esbuild into one file and run by plain `node`. Going through tsx costs a second Node process and
 * a transform of every module on each spawn (about a second here, most of a small build); the
 * bundle takes tens of milliseconds, and is rebuilt on every call, so it is never stale.
 * `npm test` itself still runs the real `tsx index-build/cli.ts` first (npm run build).
 */

import { mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { buildSync } from "esbuild";

const ROOT = resolve(import.meta.dirname, "../..");
/** One directory per test process: parallel workers never write each other's bundle. */
const OUT = join(ROOT, "test-artifacts/cli", String(process.pid));

/** `node` and its arguments to run the command at `entry` (relative to the repo) with `args`. */
export function command(entry: string, args: string[] = []): [string, string[]] {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, basename(entry).replace(/\.ts$/, ".mjs"));
  buildSync({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    logLevel: "error",
  });
  return [process.execPath, ["--enable-source-maps", outfile, ...args]];
}
