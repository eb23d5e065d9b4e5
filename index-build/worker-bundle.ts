/**
 * The Worker bundle exactly as `wrangler deploy` would upload it (`--dry-run`, with esbuild's
 * metafile): its minified and gzip size and what it is made of. Used by `npm run size` (the
 * budget check, worker-size.ts) and by the start-up benchmark (bench/startup.ts).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The bundle's budget with the seed collection (issue 16): about a third of what it was when zod and FlexSearch ran in it. */
export const WORKER_BUDGET_KIB = 250;
export const WORKER_GZIP_BUDGET_KIB = 80;

const ROOT = resolve(import.meta.dirname, "..");
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");

export interface BundleContributor {
  /** A package (`hono`, `@scope/name`) or a project directory (`src/engine`). */
  name: string;
  bytes: number;
}

/** Runs wrangler from the project root; a failure throws with the end of its output. */
export async function runWrangler(args: string[]): Promise<string> {
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const status = await new Promise<number | null>((done) => child.once("exit", done));
  if (status !== 0)
    throw new Error(`pqsearch: wrangler ${args[0]} ${args[1]} failed (${status}):\n${output.slice(-2000)}`);
  return output;
}

/** Which package or project directory an esbuild input belongs to. */
function contributorOf(input: string): string {
  const inPackage = input.lastIndexOf("node_modules/");
  if (inPackage >= 0) {
    const parts = input.slice(inPackage + "node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input);
  }
  const parts = relative(ROOT, resolve(ROOT, input)).split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.join("/");
}

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

export interface Bundled {
  bundlePath: string;
  minifiedBytes: number;
  gzipBytes: number;
  contributors: BundleContributor[];
  zodLocales: number;
}

/** `wrangler deploy --dry-run`: the upload (for the profiler), the module and the metafile. */
export async function bundleWorker(configPath: string, dir: string): Promise<Bundled> {
  mkdirSync(dir, { recursive: true });
  const outDir = join(dir, "out");
  const bundlePath = join(dir, "worker.bundle");
  const metafilePath = join(dir, "meta.json");
  await runWrangler([
    "deploy",
    "--dry-run",
    "--config",
    configPath,
    "--outdir",
    outDir,
    "--outfile",
    bundlePath,
    "--metafile",
    metafilePath,
  ]);
  const metafile = JSON.parse(readFileSync(metafilePath, "utf8")) as Metafile;
  const [outputPath, output] = Object.entries(metafile.outputs).find(([, out]) => out.entryPoint) ?? [];
  if (!outputPath || !output) throw new Error(`pqsearch: ${metafilePath} names no entry point`);
  // Output paths are relative to the config's directory; the file is in outDir either way.
  const code = readFileSync(join(outDir, basename(outputPath)));
  const byContributor = new Map<string, number>();
  let zodLocales = 0;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = contributorOf(input);
    byContributor.set(name, (byContributor.get(name) ?? 0) + bytesInOutput);
    // locales/index.js is only the namespace (17 bytes); each other file is one language.
    if (/zod\/v4\/locales\/(?!index\.js$)/.test(input) && bytesInOutput > 0) zodLocales++;
  }
  const contributors = [...byContributor]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((contributor) => contributor.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { bundlePath, minifiedBytes: code.length, gzipBytes: gzipSync(code).length, contributors, zodLocales };
}
