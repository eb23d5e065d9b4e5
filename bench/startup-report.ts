/**
 * The start-up section of BENCHMARKS.md. A full `npm run bench` writes it with the rest of the
 * file; `npm run bench:startup` measures only start-up and replaces just this section, found by
 * its markers, so the other tables keep their own run's figures.
 */
import { existsSync, readFileSync } from "node:fs";
import { WORKER_BUDGET_KIB, WORKER_GZIP_BUDGET_KIB } from "../index-build/worker-bundle";
import { writeMarkdown } from "./markdown";
import type { StartupFigures, WorkerStartup } from "./startup";

const BEGIN = "<!-- start-up: written by npm run bench and npm run bench:startup -->";
const END = "<!-- end of start-up -->";

/** The targets (issue 16): start-up near a bare Hono app, a small bundle (npm run size's budget), no zod locale. */
export const STARTUP_TARGETS = { ratio: 2, minifiedKiB: WORKER_BUDGET_KIB, gzipKiB: WORKER_GZIP_BUDGET_KIB } as const;

export interface RunContext {
  date: string;
  command: string;
  machine: string;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const met = (ok: boolean) => (ok ? "met" : "**not met**");

function row(figures: StartupFigures, worker: WorkerStartup): string {
  const ratio = worker === figures.pqsearch ? `${figures.ratio.toFixed(2)}×` : "1×";
  return (
    `| ${worker.worker} | ${worker.medianActiveMs.toFixed(1)} (${worker.activeMs.map((ms) => ms.toFixed(0)).join(", ")}) | ` +
    `${worker.medianGcMs.toFixed(1)} | ${ratio} | ${kib(worker.minifiedBytes)} | ${kib(worker.gzipBytes)} | ${worker.zodLocales} |`
  );
}

export function renderStartup(figures: StartupFigures, context: RunContext): string[] {
  const { pqsearch } = figures;
  const minifiedKiB = pqsearch.minifiedBytes / 1024;
  const gzipKiB = pqsearch.gzipBytes / 1024;
  const lines = [BEGIN, "## Start-up", ""];
  lines.push(
    `Measured ${context.date.slice(0, 16).replace("T", " ")} UTC with \`${context.command}\` on ${context.machine}. ` +
      "pqsearch serves the seed collection. Active CPU of module evaluation as `wrangler check startup` profiles it in local workerd " +
      `(samples less idle, garbage collection included), median of ${figures.runs} alternating runs; ` +
      "both Workers bundled by `wrangler deploy --dry-run` with pqsearch's wrangler.toml settings (`bench/startup.ts`). " +
      "The profiler samples coarsely (about every 10 ms on this machine) and the machine is shared: read the ratio, not the milliseconds.",
    "",
    "| Worker | active ms, median (each run) | GC ms | ratio | bundle KiB minified | KiB gzip | zod locales |",
    "|---|---:|---:|---:|---:|---:|---:|",
    row(figures, pqsearch),
    row(figures, figures.hono),
    "",
    `Targets (issue 16): active ≤ ${STARTUP_TARGETS.ratio}× the Hono Worker: ${met(figures.ratio <= STARTUP_TARGETS.ratio)}; ` +
      `≤ ${STARTUP_TARGETS.minifiedKiB} KiB minified and ≤ ${STARTUP_TARGETS.gzipKiB} KiB gzip: ` +
      `${met(minifiedKiB <= STARTUP_TARGETS.minifiedKiB && gzipKiB <= STARTUP_TARGETS.gzipKiB)}; ` +
      `no zod locale: ${met(pqsearch.zodLocales === 0)}.`,
    "",
    "What pqsearch's bundle is made of (minified bytes each input contributes, from the dry run's metafile):",
    "",
    "| part | KiB | share |",
    "|---|---:|---:|",
  );
  const total = pqsearch.contributors.reduce((sum, part) => sum + part.bytes, 0);
  for (const part of pqsearch.contributors.slice(0, 12))
    lines.push(`| ${part.name} | ${kib(part.bytes)} | ${((100 * part.bytes) / total).toFixed(1)}% |`);
  lines.push("", END);
  return lines;
}

/** Replaces the start-up section of the Markdown file at `path`, or adds it after the file's opening paragraph. */
export function writeStartupSection(path: string, section: string[]): void {
  const previous = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const text = section.join("\n");
  const begin = previous.indexOf(BEGIN);
  const end = previous.indexOf(END);
  if (begin >= 0 && end > begin) {
    writeMarkdown(path, `${previous.slice(0, begin)}${text}${previous.slice(end + END.length)}`);
    return;
  }
  const firstSection = previous.indexOf("\n## ");
  const at = firstSection >= 0 ? firstSection + 1 : previous.length;
  writeMarkdown(path, `${previous.slice(0, at)}${text}\n\n${previous.slice(at)}`);
}
