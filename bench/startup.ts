/**
 * Worker start-up, the way Cloudflare's own tool measures it: `wrangler check startup` profiles
 * the evaluation of the Worker's modules in local workerd, which is what a cold isolate does
 * before it can answer. pqsearch and a one-route Hono Worker (bench/fixtures/hono-one-route.ts)
 * are bundled by `wrangler deploy --dry-run` with the same settings (pqsearch's wrangler.toml:
 * compatibility date and flags, minify, keep_names), then profiled alternately, several times
 * each, in the same run. Reports active CPU (the profile's samples less idle, as wrangler
 * computes it), its median and the ratio, and each bundle's size with what it is made of (from
 * esbuild's metafile).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { median, round } from "./measure";

const ROOT = resolve(import.meta.dirname, "..");
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");
const FIXTURE = join(ROOT, "bench/fixtures/hono-one-route.ts");
/** Top-level wrangler.toml settings that change what is bundled or how it runs: the peer copies them. */
const BUILD_SETTINGS = /^(compatibility_date|compatibility_flags|minify|keep_names|no_bundle)\s*=/;

export interface BundleContributor {
  /** A package (`hono`, `@scope/name`) or a project directory (`src/engine`). */
  name: string;
  bytes: number;
}

export interface WorkerStartup {
  worker: string;
  /** Active CPU of each profiled start-up, ms. */
  activeMs: number[];
  medianActiveMs: number;
  medianGcMs: number;
  /** The uploaded module as wrangler bundles it: minified bytes and gzip (zlib's default level, as wrangler reports). */
  minifiedBytes: number;
  gzipBytes: number;
  contributors: BundleContributor[];
  /** Modules from `zod/v4/locales/` in the bundle (none wanted: the Worker words its own messages). */
  zodLocales: number;
}

export interface StartupFigures {
  runs: number;
  pqsearch: WorkerStartup;
  hono: WorkerStartup;
  /** pqsearch's median active CPU over the Hono Worker's. */
  ratio: number;
}

async function run(args: string[], cwd: string): Promise<string> {
  const child = spawn(WRANGLER, args, {
    cwd,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const status = await new Promise<number | null>((done) => child.once("exit", done));
  if (status !== 0)
    throw new Error(`pqsearch bench: wrangler ${args[0]} ${args[1]} failed (${status}):\n${output.slice(-2000)}`);
  return output;
}

/** The peer's wrangler.toml: its own name and entry point, pqsearch's build settings. */
function peerConfig(dir: string): string {
  const settings: string[] = [];
  for (const line of readFileSync(join(ROOT, "wrangler.toml"), "utf8").split("\n")) {
    if (line.startsWith("[")) break;
    if (BUILD_SETTINGS.test(line)) settings.push(line);
  }
  const path = join(dir, "wrangler.toml");
  writeFileSync(path, [`name = "hono-one-route"`, `main = ${JSON.stringify(FIXTURE)}`, ...settings, ""].join("\n"));
  return path;
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

interface Bundled {
  bundlePath: string;
  minifiedBytes: number;
  gzipBytes: number;
  contributors: BundleContributor[];
  zodLocales: number;
}

/** `wrangler deploy --dry-run`: the upload (for the profiler), the module and the metafile. */
export async function bundle(configPath: string, dir: string): Promise<Bundled> {
  mkdirSync(dir, { recursive: true });
  const outDir = join(dir, "out");
  const bundlePath = join(dir, "worker.bundle");
  const metafilePath = join(dir, "meta.json");
  await run(
    [
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
    ],
    ROOT,
  );
  const metafile = JSON.parse(readFileSync(metafilePath, "utf8")) as Metafile;
  const [outputPath, output] = Object.entries(metafile.outputs).find(([, out]) => out.entryPoint) ?? [];
  if (!outputPath || !output) throw new Error(`pqsearch bench: ${metafilePath} names no entry point`);
  // Output paths are relative to the config's directory; the file is in outDir either way.
  const code = readFileSync(join(outDir, basename(outputPath)));
  const byContributor = new Map<string, number>();
  let zodLocales = 0;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = contributorOf(input);
    byContributor.set(name, (byContributor.get(name) ?? 0) + bytesInOutput);
    if (/zod\/v4\/locales\//.test(input) && bytesInOutput > 0) zodLocales++;
  }
  const contributors = [...byContributor]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((contributor) => contributor.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { bundlePath, minifiedBytes: code.length, gzipBytes: gzipSync(code).length, contributors, zodLocales };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** Active and garbage-collection time of a start-up profile, in ms, computed as wrangler's summary does. */
export function summariseProfile(profile: CpuProfile): { activeMs: number; gcMs: number } {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
  let sampled = 0;
  let idle = 0;
  let gc = 0;
  for (const [index, delta] of (profile.timeDeltas ?? []).entries()) {
    sampled += delta;
    const name = names.get(profile.samples?.[index] ?? 0);
    if (name === "(idle)") idle += delta;
    else if (name === "(garbage collector)") gc += delta;
  }
  return { activeMs: (sampled - idle) / 1000, gcMs: gc / 1000 };
}

async function profileOnce(bundlePath: string, outfile: string): Promise<{ activeMs: number; gcMs: number }> {
  await run(["check", "startup", "--worker", bundlePath, "--outfile", outfile], ROOT);
  return summariseProfile(JSON.parse(readFileSync(outfile, "utf8")) as CpuProfile);
}

/**
 * Bundles both Workers, then profiles their start-ups `runs` times each, alternating (and
 * swapping which goes first) so that both meet the same load on a shared machine. pqsearch's
 * bundle is whatever src/generated holds: build the seed collection first.
 */
export async function measureStartup(runs = 5, log: (line: string) => void = console.log): Promise<StartupFigures> {
  const dir = mkdtempSync(join(tmpdir(), "pqsearch-startup-"));
  const workers = [
    { worker: "pqsearch", bundled: await bundle(join(ROOT, "wrangler.toml"), join(dir, "pqsearch")) },
    { worker: "one-route Hono Worker", bundled: await bundle(peerConfig(dir), join(dir, "hono")) },
  ];
  const profiles = workers.map(() => [] as Array<{ activeMs: number; gcMs: number }>);
  for (let pass = 0; pass < runs; pass++) {
    const order = pass % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const { bundled } = workers[which] as (typeof workers)[number];
      (profiles[which] as Array<{ activeMs: number; gcMs: number }>).push(
        await profileOnce(bundled.bundlePath, join(dir, `profile-${which}-${pass}.cpuprofile`)),
      );
    }
    const [ours, theirs] = profiles.map((list) => list.at(-1)?.activeMs ?? Number.NaN);
    log(
      `start-up ${pass + 1}/${runs}: pqsearch ${round(ours as number)} ms, Hono ${round(theirs as number)} ms active`,
    );
  }
  const figures = workers.map(({ worker, bundled }, which): WorkerStartup => {
    const runsOf = profiles[which] as Array<{ activeMs: number; gcMs: number }>;
    return {
      worker,
      activeMs: runsOf.map((profile) => round(profile.activeMs)),
      medianActiveMs: round(median(runsOf.map((profile) => profile.activeMs))),
      medianGcMs: round(median(runsOf.map((profile) => profile.gcMs))),
      minifiedBytes: bundled.minifiedBytes,
      gzipBytes: bundled.gzipBytes,
      contributors: bundled.contributors,
      zodLocales: bundled.zodLocales,
    };
  });
  const [pqsearch, hono] = figures as [WorkerStartup, WorkerStartup];
  return { runs, pqsearch, hono, ratio: round(pqsearch.medianActiveMs / hono.medianActiveMs, 2) };
}
