/**
 * The collections the judged sets are graded on, built the way an outside evaluator builds them:
 * through the project's real build (`buildCollection`), from seed files in a directory. `real` is
 * the seed plus the two UK Parliament API list responses under the shared corpora, copied as they
 * are into a temporary seeds directory (the build recognises the API's list shape itself).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCollection } from "../index-build/pipeline";
import type { CompiledCollection } from "../src/engine";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..");

/** The API responses `real` adds to the seed (see the corpora's SOURCES.md). */
export const REAL_API_FILES = [
  "clquestions_api_tabled_2021-02-01.json",
  "clquestions_api_answered_2021-02-01.json",
] as const;

/** Where the shared corpora are: `PQSEARCH_CORPORA`, else `../shared/corpora` beside the repository. */
export function corporaDir(): string {
  return resolve(process.env.PQSEARCH_CORPORA ?? join(PROJECT_ROOT, "../shared/corpora"));
}

/** Why `real` cannot be built here, or null when it can: a public clone has no corpora. */
export function realCollectionMissing(): string | null {
  const dir = corporaDir();
  const missing = REAL_API_FILES.filter((file) => !existsSync(join(dir, file)));
  return missing.length === 0 ? null : `corpora not found (${missing.join(", ")} under ${dir}; set PQSEARCH_CORPORA)`;
}

/** A judged set's `collection`: `"real"`, or a seeds directory relative to the project root. */
export type CollectionSpec = string;

export const REAL = "real";
const SEEDS = "seeds/";

const built = new Map<CollectionSpec, Promise<CompiledCollection>>();

/** The compiled collection, built once per process. */
export function loadCollection(spec: CollectionSpec): Promise<CompiledCollection> {
  let collection = built.get(spec);
  if (!collection) {
    collection = spec === REAL ? buildReal() : buildFrom(resolve(PROJECT_ROOT, spec));
    built.set(spec, collection);
  }
  return collection;
}

async function buildFrom(seedsDir: string): Promise<CompiledCollection> {
  const { collection } = await buildCollection({ seedsDir, projectRoot: PROJECT_ROOT });
  return collection;
}

/** The seed files and the API responses, byte for byte, in a directory of their own. */
async function buildReal(): Promise<CompiledCollection> {
  const missing = realCollectionMissing();
  if (missing) throw new Error(`cannot build the real collection: ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), "pqsearch-real-"));
  try {
    const seeds = resolve(PROJECT_ROOT, SEEDS);
    for (const file of readdirSync(seeds)) copyFileSync(join(seeds, file), join(dir, file));
    for (const file of REAL_API_FILES) copyFileSync(join(corporaDir(), file), join(dir, file));
    return await buildFrom(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
