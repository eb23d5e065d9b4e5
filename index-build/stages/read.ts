/** Stage 1, read: every seed file as text, in name order, with what was skipped and why. */
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { BuildError } from "../errors";

export type SeedFormat = "text" | "json" | "jsonl";

export interface SeedFile {
  /** Project-relative path with forward slashes, as it appears in error messages and sources. */
  path: string;
  format: SeedFormat;
  text: string;
}

export interface ReadResult {
  files: SeedFile[];
  skipped: Array<{ path: string; reason: string }>;
}

const FORMATS: Record<string, SeedFormat> = { ".txt": "text", ".json": "json", ".jsonl": "jsonl" };

export async function readSeeds(seedsDir: string, projectRoot: string): Promise<ReadResult> {
  const entries = await readdir(seedsDir, { withFileTypes: true, recursive: true });
  const files: SeedFile[] = [];
  const skipped: ReadResult["skipped"] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const file = await readSeedFile(join(entry.parentPath, entry.name), projectRoot);
    if ("reason" in file) skipped.push(file);
    else files.push(file);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}

/** One seed file, or why it is not one (its extension). */
export async function readSeedFile(
  absolute: string,
  projectRoot: string,
): Promise<SeedFile | { path: string; reason: string }> {
  const path = relative(projectRoot, absolute).split(sep).join("/");
  const format = FORMATS[extname(absolute).toLowerCase()];
  if (!format) return { path, reason: "not .txt, .json or .jsonl" };
  const bytes = await readFile(absolute);
  return { path, format, text: decodeUtf8(bytes, path) };
}

/** Strict UTF-8 with the BOM and Windows line endings removed; anything else is not a seed. */
function decodeUtf8(bytes: Uint8Array, path: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BuildError({ file: path, line: 1 }, "expected UTF-8 text, found bytes that are not valid UTF-8");
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    const line = text.slice(0, nul).split("\n").length;
    throw new BuildError({ file: path, line }, "expected text, found a NUL byte (is this a binary file?)");
  }
  return text.replace(/\r\n?/g, "\n");
}
