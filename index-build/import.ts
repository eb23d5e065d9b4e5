/**
 * `npm run import -- <file or directory>…`: what the given files would add to the collection,
 * without building or writing anything. Every file is read, parsed, validated and identified the
 * way the build does it, next to the current seeds, so the counts are the build's own.
 */
import { stat } from "node:fs/promises";
import { BuildError } from "./errors";
import { parseSeed } from "./pipeline";
import { type Truncation, truncationOf } from "./report";
import { identifyRecords } from "./stages/identify";
import type { LocatedInput } from "./stages/located";
import type { CopyConflict } from "./stages/merge-copies";
import { normaliseRecords } from "./stages/normalise";
import { readSeedFile, readSeeds, type SeedFile } from "./stages/read";
import { resolveMembers } from "./stages/resolve-members";
import { validateRecords } from "./stages/validate";

export interface ImportedFile {
  file: string;
  /** The accepted shape the file is in (`API list response`, `text`, …), or null if unreadable. */
  shape: string | null;
  /** Records read from the file, before validation. */
  read: number;
  /** Records that passed validation. */
  valid: number;
}

export interface ImportReport {
  files: ImportedFile[];
  /** Files not read at all: the extension is not a seed's. */
  skipped: Array<{ path: string; reason: string }>;
  /** Distinct records the files hold once copies are merged. */
  distinct: number;
  /** Copies merged into another record (within the files, or into a seed record). */
  mergedCopies: number;
  /** Distinct records the current seeds do not already hold. */
  newRecords: number;
  truncation: Truncation;
  conflicts: CopyConflict[];
  /** Every problem, each naming its file and line; these records would fail the build. */
  problems: BuildError[];
  /** What was read but not used (an API field pqsearch does not know), as the build report says it. */
  warnings: string[];
}

async function filesAt(paths: string[], projectRoot: string, problems: BuildError[]) {
  const files: SeedFile[] = [];
  const skipped: ImportReport["skipped"] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const found = await readSeeds(path, projectRoot);
      files.push(...found.files);
      skipped.push(...found.skipped);
      problems.push(...found.problems);
      continue;
    }
    try {
      const file = await readSeedFile(path, projectRoot);
      if ("reason" in file) skipped.push(file);
      else files.push(file);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      problems.push(error);
    }
  }
  return { files, skipped };
}

function parseAll(
  files: SeedFile[],
  problems: BuildError[],
  summaries?: ImportedFile[],
  warnings?: string[],
): LocatedInput[] {
  const parsed: LocatedInput[] = [];
  for (const file of files) {
    try {
      const seed = parseSeed(file);
      parsed.push(...seed.records);
      problems.push(...(seed.problems ?? []));
      warnings?.push(...(seed.warnings ?? []));
      summaries?.push({
        file: file.path,
        shape: seed.shape ? `API ${seed.shape}` : file.format,
        read: seed.records.length,
        valid: 0,
      });
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      problems.push(error);
      summaries?.push({ file: file.path, shape: null, read: 0, valid: 0 });
    }
  }
  return parsed;
}

function identify(parsed: LocatedInput[], problems: BuildError[]) {
  const validation = validateRecords(parsed);
  problems.push(...validation.errors);
  try {
    return { valid: validation.valid, ...identifyRecords(resolveMembers(normaliseRecords(validation.valid))) };
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    problems.push(error);
    return { valid: validation.valid, records: [], merges: [], conflicts: [], completedTexts: 0, warnings: [] };
  }
}

export async function importReport(
  paths: string[],
  seedsDir: string | null,
  projectRoot: string,
): Promise<ImportReport> {
  const problems: BuildError[] = [];
  const summaries: ImportedFile[] = [];
  const warnings: string[] = [];
  const { files, skipped } = await filesAt(paths, projectRoot, problems);
  const given = identify(parseAll(files, problems, summaries, warnings), problems);
  for (const summary of summaries)
    summary.valid = given.valid.filter((record) => record.location.file === summary.file).length;

  // Against the seeds: which of these records the collection does not hold yet.
  let newRecords = given.records.length;
  let mergedIntoSeeds = 0;
  if (seedsDir !== null) {
    const seedFiles = (await readSeeds(seedsDir, projectRoot)).files.filter(
      (seed) => !files.some((file) => file.path === seed.path),
    );
    const ignored: BuildError[] = [];
    const seeded = identify(parseAll(seedFiles, ignored), ignored);
    const seededIds = new Set(seeded.records.map((record) => record.id));
    newRecords = given.records.filter((record) => !seededIds.has(record.id)).length;
    mergedIntoSeeds = given.records.length - newRecords;
  }
  const mergedCopies = given.merges.reduce((sum, merge) => sum + merge.merged.length, 0) + mergedIntoSeeds;
  return {
    files: summaries,
    skipped,
    distinct: given.records.length,
    mergedCopies,
    newRecords,
    truncation: truncationOf(given.records, given.completedTexts),
    conflicts: given.conflicts,
    problems,
    warnings,
  };
}
