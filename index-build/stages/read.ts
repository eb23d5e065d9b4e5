/**
 * Stage 1, read: every seed file under the seeds directory as text, in name order, with every
 * entry that is not read and why. Symbolic links are followed, to files and directories, inside or
 * outside seeds/: a link is how a user points the build at records kept elsewhere. A link that
 * leads nowhere, or back into a directory it is in, fails the build rather than being passed over.
 */
import type { Dirent } from "node:fs";
import { readdir, readFile, readlink, realpath, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { BuildError } from "../errors";
import { controlCharacterLines } from "./characters";

export type SeedFormat = "text" | "json" | "jsonl";

export interface SeedFile {
  /** Project-relative path with forward slashes, as it appears in error messages and sources. */
  path: string;
  format: SeedFormat;
  text: string;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface ReadResult {
  files: SeedFile[];
  skipped: Skipped[];
  /** Entries that should have been read and could not be: each fails the build. */
  problems: BuildError[];
}

const FORMATS = new Map<string, SeedFormat>([
  [".txt", "text"],
  [".json", "json"],
  [".jsonl", "jsonl"],
]);

const projectPath = (absolute: string, projectRoot: string) =>
  relative(projectRoot, absolute).split(sep).join("/") || ".";

export async function readSeeds(seedsDir: string, projectRoot: string): Promise<ReadResult> {
  const result: ReadResult = { files: [], skipped: [], problems: [] };
  const root = await realpath(seedsDir).catch(() => null);
  const isDirectory = root !== null && (await stat(root)).isDirectory();
  if (!isDirectory) {
    const found = root === null ? "nothing there" : "a file";
    result.problems.push(
      new BuildError(
        { path: projectPath(seedsDir, projectRoot) },
        `expected a directory of seed files, found ${found}`,
      ),
    );
    return result;
  }
  await readDirectory(seedsDir, [root], projectRoot, result);
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

/** `ancestors`: the real paths of the directories being read, to recognise a link back into one. */
async function readDirectory(dir: string, ancestors: string[], projectRoot: string, result: ReadResult) {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    result.problems.push(
      new BuildError({ path: projectPath(dir, projectRoot) }, `expected a readable directory, found ${reason}`),
    );
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const path = projectPath(absolute, projectRoot);
    if (entry.name.startsWith(".")) {
      result.skipped.push({ path, reason: "hidden (its name starts with a dot)" });
      continue;
    }
    let isFile = entry.isFile();
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const followed = await follow(absolute, path);
      if (followed instanceof BuildError) {
        result.problems.push(followed);
        continue;
      }
      isFile = followed.isFile();
      isDirectory = followed.isDirectory();
    }
    if (isDirectory) {
      const real = await realpath(absolute);
      if (ancestors.includes(real)) {
        result.problems.push(
          new BuildError(
            { path },
            `expected a symbolic link to a directory of seeds, found a link back to ${projectPath(real, projectRoot)}, which is being read already (a loop)`,
          ),
        );
        continue;
      }
      await readDirectory(absolute, [...ancestors, real], projectRoot, result);
    } else if (isFile) {
      try {
        const file = await readSeedFile(absolute, projectRoot);
        if ("reason" in file) result.skipped.push(file);
        else result.files.push(file);
      } catch (error) {
        if (!(error instanceof BuildError)) throw error;
        result.problems.push(error);
      }
    } else {
      result.skipped.push({ path, reason: "not a regular file or directory (a pipe, socket or device)" });
    }
  }
}

/** What a symbolic link leads to, or why it leads nowhere usable. */
async function follow(absolute: string, path: string) {
  try {
    return await stat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP")
      return new BuildError(
        { path },
        "expected a symbolic link to a file, found a loop of links that never reaches one",
      );
    const target = await readlink(absolute).catch(() => "?");
    const found = code === "ENOENT" ? `nothing at ${JSON.stringify(target)}` : `${code} at ${JSON.stringify(target)}`;
    return new BuildError({ path }, `expected a symbolic link to a file, found ${found}`);
  }
}

/** One seed file, or why it is not one (its extension). Unreadable text throws a BuildError. */
export async function readSeedFile(absolute: string, projectRoot: string): Promise<SeedFile | Skipped> {
  const path = projectPath(absolute, projectRoot);
  const format = FORMATS.get(extname(absolute).toLowerCase());
  if (!format) return { path, reason: "not .txt, .json or .jsonl" };
  const bytes = await readFile(absolute);
  return { path, format, text: decodeText(bytes, path) };
}

/**
 * Strict UTF-8 with the BOM removed and Windows (CR LF) and old Mac (CR) line endings made LF;
 * control characters other than tab and line breaks are refused, naming their lines.
 */
function decodeText(bytes: Uint8Array, path: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BuildError({ file: path, line: 1 }, "expected UTF-8 text, found bytes that are not valid UTF-8");
  }
  text = text.replace(/\r\n?/g, "\n");
  const controls = controlCharacterLines(text);
  if (controls.length === 0) return text;
  const [first] = controls as [{ line: number; found: string }];
  const more = controls.length > 1 ? ` (and on ${controls.length - 1} more line(s))` : "";
  const hint = first.found.includes("NUL") ? " (is this a binary file?)" : "";
  throw new BuildError({ file: path, line: first.line }, `expected text, found ${first.found}${hint}${more}`);
}
