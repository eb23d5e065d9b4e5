/**
 * Stage 7, write: replace the output atomically. The module is written beside its final name and
 * renamed over it, so a failed or interrupted build leaves the previous output whole.
 */
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const COLLECTION_MODULE = "collection.js";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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
  contents: string,
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
