/**
 * `npm run size` (part of `npm run check`): bundles the Worker as `wrangler deploy` would upload
 * it and prints its size against the project's budget, with what the bundle is made of; exits 1
 * over budget, or if a zod locale is bundled (the Worker words its own messages). The budget is
 * for the seed collection, so that code growth shows up in review: PQSEARCH_WORKER_BUDGET_KIB and
 * PQSEARCH_WORKER_GZIP_BUDGET_KIB change it (a bigger collection, or a test of this check).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleWorker, WORKER_BUDGET_KIB, WORKER_GZIP_BUDGET_KIB } from "./worker-bundle";

const KIB = 1024;
const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;

/** A budget from the environment, or the default; anything but a positive number is refused. */
function budgetKib(variable: string, fallback: number): number | string {
  const text = process.env[variable]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value <= 0)
    return `${variable}: expected a positive number of KiB, found "${text}"`;
  return value;
}

async function main(): Promise<number> {
  const minified = budgetKib("PQSEARCH_WORKER_BUDGET_KIB", WORKER_BUDGET_KIB);
  const gzip = budgetKib("PQSEARCH_WORKER_GZIP_BUDGET_KIB", WORKER_GZIP_BUDGET_KIB);
  for (const problem of [minified, gzip]) if (typeof problem === "string") console.error(problem);
  if (typeof minified === "string" || typeof gzip === "string") return 2;

  const dir = mkdtempSync(join(tmpdir(), "pqsearch-size-"));
  try {
    const bundled = await bundleWorker(resolve("wrangler.toml"), dir);
    const top = bundled.contributors
      .slice(0, 6)
      .map(({ name, bytes }) => `${name} ${kib(bytes)}`)
      .join(", ");
    console.log(
      `Worker bundle: ${kib(bundled.minifiedBytes)} minified (budget ${minified} KiB), ` +
        `${kib(bundled.gzipBytes)} gzip (budget ${gzip} KiB)\n  largest parts: ${top}`,
    );
    const problems: string[] = [];
    if (bundled.minifiedBytes > minified * KIB)
      problems.push(
        `the minified bundle is ${kib(bundled.minifiedBytes - minified * KIB)} over its ${minified} KiB budget`,
      );
    if (bundled.gzipBytes > gzip * KIB)
      problems.push(`the gzip bundle is ${kib(bundled.gzipBytes - gzip * KIB)} over its ${gzip} KiB budget`);
    if (bundled.zodLocales > 0)
      problems.push(
        `${bundled.zodLocales} zod locale module(s) are bundled; the Worker's schemas carry their own messages`,
      );
    for (const problem of problems) console.error(`size check failed: ${problem}`);
    if (problems.length > 0)
      console.error(
        "Find what grew in the largest parts above; set PQSEARCH_WORKER_BUDGET_KIB / PQSEARCH_WORKER_GZIP_BUDGET_KIB only for a deliberate change.",
      );
    return problems.length > 0 ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
