/**
 * Writes a Markdown or JSON file as `npm run lint` wants it: Biome formats both (it pads Markdown
 * tables), except files biome.json leaves unformatted (BENCHMARKS.md), which are written as they are.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const BIOME = resolve(ROOT, "node_modules/.bin/biome");

export function writeFormatted(path: string, text: string): void {
  writeFileSync(path, text);
  // Biome formats the repository's files only (a file elsewhere, as `--out /tmp/…`, is left as written).
  if (relative(ROOT, resolve(path)).startsWith("..")) return;
  const formatted = spawnSync(BIOME, ["format", "--write", "--no-errors-on-unmatched", path], { encoding: "utf8" });
  if (formatted.status !== 0) console.error(`pqsearch bench: biome could not format ${path}:\n${formatted.stderr}`);
}

export const writeMarkdown = writeFormatted;
