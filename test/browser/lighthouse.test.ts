/**
 * Lighthouse (pinned in package.json) against the Worker under wrangler dev, with Debian's
 * Chromium (CHROME_PATH): Accessibility, Best Practices and SEO must each score 100 on the home
 * page, a results page, a record page, the about page and /embed. Each run's full report is
 * kept in test-artifacts/lighthouse/ for reading when a score drops. `npm run lighthouse` runs
 * this file alone.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { chromiumPath } from "./chromium";

const ROOT = resolve(import.meta.dirname, "../..");
const REPORTS = resolve(ROOT, "test-artifacts/lighthouse");
const CATEGORIES = ["accessibility", "best-practices", "seo"] as const;

interface Report {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; title: string }>;
  runtimeError?: { message: string };
}

/** One Lighthouse run in its own process (as CI would type it), its JSON report parsed. */
function lighthouse(url: string): Promise<Report> {
  const args = [
    url,
    `--only-categories=${CATEGORIES.join(",")}`,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    "--disable-full-page-screenshot",
    "--max-wait-for-load=60000",
    "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
  ];
  const child = spawn(resolve(ROOT, "node_modules/.bin/lighthouse"), args, {
    cwd: ROOT,
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? chromiumPath() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code !== 0) fail(new Error(`lighthouse exited with ${code}:\n${stderr}`));
      else done(JSON.parse(stdout) as Report);
    });
  });
}

/** Scores out of 100, and the audits that cost points (weight > 0, score below 1). */
function summary(report: Report) {
  const scores: Record<string, number | null> = {};
  const failing: string[] = [];
  for (const name of CATEGORIES) {
    const category = report.categories[name];
    scores[name] = category?.score === null || category === undefined ? null : Math.round(category.score * 100);
    for (const ref of category?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        failing.push(`${name}: ${ref.id} (${audit.title})`);
    }
  }
  return { scores, failing };
}

const PAGES = [
  ["home", "/"],
  ["results", "/?q=iran"],
  ["record", "/records/c7jocdcev5ac"],
  ["about", "/about"],
  ["embed", "/embed?q=iran"],
] as const;

describe("Lighthouse", () => {
  mkdirSync(REPORTS, { recursive: true });
  for (const [name, path] of PAGES) {
    // A Lighthouse run starts its own Chromium and audits a cold load: tens of seconds on a busy machine.
    it(`scores 100 for accessibility, best practices and SEO on the ${name} page`, { timeout: 240_000 }, async () => {
      const report = await lighthouse(`${inject("baseUrl")}${path}`);
      writeFileSync(resolve(REPORTS, `${name}.json`), JSON.stringify(report));
      expect(report.runtimeError).toBeUndefined();
      expect(summary(report)).toEqual({
        scores: { accessibility: 100, "best-practices": 100, seo: 100 },
        failing: [],
      });
    });
  }
});
