/**
 * package.json and package-lock.json agree, so `npm ci` (CI, Cloudflare Workers Builds) installs
 * on a fresh clone and `npm install` leaves the tracked lockfile alone. Offline: npm reads only the
 * two files and its cache, never the registry.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./build-helpers";

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
const lockfile = JSON.parse(readFileSync(join(PROJECT_ROOT, "package-lock.json"), "utf8"));
const DECLARED = ["name", "version", "license", "dependencies", "devDependencies", "engines"] as const;

/** npm itself: the one running the tests when started by an npm script or npx, else the PATH's. */
function npm(args: string[]) {
  const cli = process.env.npm_execpath;
  const [command, prefix] = cli?.endsWith(".js") ? [process.execPath, [cli]] : ["npm", []];
  return spawnSync(command, [...prefix, ...args], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("the lockfile", () => {
  it("records in its root entry exactly what package.json declares", () => {
    for (const field of DECLARED)
      expect({ field, value: lockfile.packages[""][field] }).toEqual({ field, value: manifest[field] });
  });

  it("passes npm ci's own check that it satisfies package.json", () => {
    const run = npm(["ci", "--dry-run", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"]);
    expect(run.error).toBeUndefined();
    const errors = run.stderr.split("\n").filter((line) => line.startsWith("npm error"));
    expect({ status: run.status, errors }).toEqual({ status: 0, errors: [] });
  });

  it("names every package with an install script in allowScripts (true to run it, false to refuse it)", () => {
    const allowed = new Map(Object.entries(manifest.allowScripts ?? {}));
    const unreviewed: string[] = [];
    for (const [path, entry] of Object.entries(lockfile.packages as Record<string, Record<string, unknown>>)) {
      if (!entry.hasInstallScript) continue;
      const name = path.replace(/^.*node_modules\//, "");
      if (!allowed.has(name) && !allowed.has(`${name}@${entry.version}`)) unreviewed.push(`${name}@${entry.version}`);
    }
    expect(unreviewed).toEqual([]);
  });

  it("pins the npm that wrote it, as Workers Builds reads packageManager", () => {
    expect(manifest.packageManager).toMatch(/^npm@\d+\.\d+\.\d+$/);
    expect(lockfile.lockfileVersion).toBe(3);
  });
});
