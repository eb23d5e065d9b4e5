/**
 * Writes a Markdown or JSON file as `npm run lint` wants it: Biome formats both (it pads Markdown
 * tables), except files biome.json leaves unformatted (BENCHMARKS.md), which are written as they are.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

const BIOME = resolve(import.meta.dirname, "../node_modules/.bin/biome");

export function writeFormatted(path: string, text: string): void {
  writeFileSync(path, text);
  const formatted = spawnSync(BIOME, ["format", "--write", "--no-errors-on-unmatched", path], { encoding: "utf8" });
  if (formatted.status !== 0) console.error(`pqsearch bench: biome could not format ${path}:\n${formatted.stderr}`);
}

export const writeMarkdown = writeFormatted;
