/**
 * Stage 7, write: replace the output atomically. The module is written beside its final name and
 * renamed over it, so a failed or interrupted build leaves the previous output whole.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const COLLECTION_MODULE = "collection.js";

export async function writeAtomically(outDir: string, name: string, contents: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const target = join(outDir, name);
  const temporary = join(outDir, `.${name}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, contents);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}
