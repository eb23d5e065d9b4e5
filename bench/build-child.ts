/**
 * One build in a fresh process, for `npm run bench:build` (bench/build-time.ts): prints one JSON
 * line with the wall time of each stage, the whole build, and the process's peak RSS. A fresh
 * process per build, so the peak belongs to that build alone.
 *
 *   node --import tsx bench/build-child.ts <project root>
 */
import { join, resolve } from "node:path";
import { buildLimits } from "../index-build/limits";
import { buildCollection } from "../index-build/pipeline";
import { nowMs } from "./measure";

const root = resolve(process.argv[2] ?? ".");
const started = nowMs();
const stages: Array<[string, number, number]> = [];
const output = await buildCollection({
  seedsDir: join(root, "seeds"),
  projectRoot: root,
  // Default limits, whatever PQSEARCH_* the shell has: every build is measured alike.
  limits: buildLimits(root, {}),
  log: (stage) => stages.push([stage, nowMs() - started, process.memoryUsage().rss / 2 ** 20]),
});
const totalMs = nowMs() - started;
console.log(
  JSON.stringify({
    totalMs,
    // Each stage's banner: ms from the start (a stage's time is its banner less the previous one), and RSS MiB then.
    stages,
    records: output.report.records,
    layout: output.report.layout,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
