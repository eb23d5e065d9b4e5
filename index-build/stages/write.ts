/**
 * Stage 7, write: replace the output atomically. The module is written beside its final name and
 * renamed over it, so a failed or interrupted build leaves the previous output whole.
 */
import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const COLLECTION_MODULE = "collection.js";

/** A zombie (killed, not yet reaped by its parent) still answers signal 0 but will never write again. */
function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (command) state …"; the command may itself hold spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/** A build killed mid-write leaves its temporary file behind; remove those whose build is gone. */
async function removeAbandoned(outDir: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.]/g, "\\.")}\\.(\\d+)\\.tmp$`);
  for (const entry of await readdir(outDir)) {
    const pid = pattern.exec(entry)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) await rm(join(outDir, entry), { force: true });
  }
}

export async function writeAtomically(
  outDir: string,
  name: string,
  contents: string | Uint8Array,
  /** Called with the temporary file written but not yet renamed (fault tests hold the build here). */
  beforeRename: () => void = () => {},
): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await removeAbandoned(outDir, name);
  const target = join(outDir, name);
  const temporary = join(outDir, `.${name}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, contents);
    beforeRename();
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}

/** Static assets live here, beside the module; wrangler.toml's `[assets]` points at it. */
export const ASSETS_DIR = "assets";

/**
 * Writes one build's asset files under `<outDir>/assets/`, into a fresh directory renamed into
 * place, so the previous build's files stay whole until the new module points elsewhere.
 * Paths carry the build id, so two builds never share a directory.
 */
export async function writeAssets(outDir: string, files: Map<string, string>): Promise<number> {
  const assetsDir = join(outDir, ASSETS_DIR);
  await mkdir(assetsDir, { recursive: true });
  const byDirectory = new Map<string, Array<[string, string]>>();
  for (const [path, contents] of files) {
    const [prefix, buildId, name] = path.split("/");
    const directory = `${prefix}/${buildId}`;
    if (!name) throw new Error(`pqsearch: asset path ${path} is not <prefix>/<build id>/<file>`);
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), [name, contents]]);
  }
  for (const [directory, entries] of byDirectory) {
    const target = join(assetsDir, directory);
    const temporary = `${target}.${process.pid}.tmp`;
    await rm(temporary, { recursive: true, force: true });
    await mkdir(temporary, { recursive: true });
    try {
      for (const [name, contents] of entries) await writeFile(join(temporary, name), contents);
      await rm(target, { recursive: true, force: true });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
  }
  return files.size;
}

/** Removes asset directories of earlier builds, once the new module no longer points at them. */
export async function pruneAssets(outDir: string, prefix: string, keepBuildId: string | null): Promise<void> {
  const root = join(outDir, ASSETS_DIR, prefix);
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry !== keepBuildId) await rm(join(root, entry), { recursive: true, force: true });
  }
}

/** Removes the files in `dir` whose names match `pattern` but are not in `keep`: earlier builds' hashed assets. */
export async function pruneFiles(dir: string, pattern: RegExp, keep: ReadonlySet<string>): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  for (const entry of entries) if (pattern.test(entry) && !keep.has(entry)) await rm(join(dir, entry), { force: true });
}
