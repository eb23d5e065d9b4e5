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
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BundleContributor, bundleWorker, runWrangler } from "../index-build/worker-bundle";
import { median, round } from "./measure";

export type { BundleContributor };

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURE = join(ROOT, "bench/fixtures/hono-one-route.ts");
/** Top-level wrangler.toml settings that change what is bundled or how it runs: the peer copies them. */
const BUILD_SETTINGS = /^(compatibility_date|compatibility_flags|minify|keep_names|no_bundle)\s*=/;

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
  await runWrangler(["check", "startup", "--worker", bundlePath, "--outfile", outfile]);
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
    { worker: "pqsearch", bundled: await bundleWorker(join(ROOT, "wrangler.toml"), join(dir, "pqsearch")) },
    { worker: "one-route Hono Worker", bundled: await bundleWorker(peerConfig(dir), join(dir, "hono")) },
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
