/**
 * The build, stage by stage: read → parse → validate → normalise → identify → compile → emit.
 * Each stage is a typed function in `stages/`; this file only chains them and says what each did.
 * Nothing is written here: the CLI writes the output once every stage has succeeded.
 */
import { join, relative } from "node:path";
import * as z from "zod/mini";
import type { CompiledCollection } from "../src/engine/compiled";
import { chooseLayout } from "./budget";
import { BuildError, BuildFailure, problemsOf } from "./errors";
import { collectionRefresh } from "./fetch/refresh-meta";
import { type BuildLimits, buildLimits } from "./limits";
import { type BuildReport, truncationOf } from "./report";
import { groupAnswers, withAnswerGroups } from "./stages/answer-groups";
import { compileCollection, inSourceOrder } from "./stages/compile";
import { emitCollectionModule } from "./stages/emit";
import { identifyRecords } from "./stages/identify";
import type { CollectionDescription, LocatedInput, ParsedSeed } from "./stages/located";
import { normaliseRecords, normaliseText } from "./stages/normalise";
import { parseJsonLinesSeed, parseJsonSeed } from "./stages/parse-json";
import { parseTextSeed } from "./stages/parse-text";
import { readSeeds, type SeedFile } from "./stages/read";
import { relatedQuestions } from "./stages/related";
import { resolveMembers } from "./stages/resolve-members";
import { readSynonymFiles } from "./stages/synonyms";
import { type ValidRecord, validateRecords } from "./stages/validate";

// The schemas (zod/mini) carry no locale, so that the Worker bundles none; the build reports
// what zod expected in its English wording.
z.config(z.locales.en());

/** Every problem of one run, thrown by `buildCollection`; see errors.ts. */
export { BuildFailure } from "./errors";

type Log = (stage: string, message: string) => void;

/** A user's problem as the one failure `buildCollection` throws; a bug as it was. */
const asFailure = (error: unknown) => {
  const problems = problemsOf(error);
  return problems ? new BuildFailure(problems) : error;
};

export interface BuildOptions {
  seedsDir: string;
  projectRoot: string;
  log?: Log;
  /** The collection's synonyms file; by default `index-build/synonyms.json` under the project root, if present. */
  synonymsPath?: string;
  /** The general vocabulary; by default `index-build/uk-government-synonyms.json` under the project root, if present. */
  generalSynonymsPath?: string;
  /** Defaults to the limits configured for `projectRoot` (pqsearch.config.json, PQSEARCH_*). */
  limits?: BuildLimits;
}

export interface BuildOutput {
  source: string;
  /** Static-asset files (path → contents) when the collection is sharded; empty when bundled. */
  assets: Map<string, string>;
  /** The compiled collection, whole, whichever layout was emitted (benchmarks measure its parts). */
  collection: CompiledCollection;
  report: BuildReport;
}

const DEFAULT_TITLE = "Parliamentary written questions";

export function parseSeed(file: SeedFile): ParsedSeed {
  switch (file.format) {
    case "text":
      return parseTextSeed(file);
    case "json":
      return parseJsonSeed(file);
    case "jsonl":
      return parseJsonLinesSeed(file);
  }
}

interface ReadRecords {
  valid: ValidRecord[];
  description: CollectionDescription | undefined;
  recordsPerFile: BuildReport["recordsPerFile"];
}

/**
 * Read, parse and validate: every problem in every file, or the valid records. A function of its
 * own so the seeds' text and the parsed values can be collected once it returns.
 */
async function readRecords(options: BuildOptions, log: Log, warnings: string[]): Promise<ReadRecords> {
  const { files, skipped, problems: errors } = await readSeeds(options.seedsDir, options.projectRoot);
  for (const { path, reason } of skipped) warnings.push(`${path}: skipped, ${reason}`);
  log("read", `${files.length} seed file(s)${skipped.length ? `, ${skipped.length} skipped` : ""}`);
  if (files.length === 0 && errors.length === 0) {
    throw new BuildFailure([
      new BuildError(
        { path: relative(options.projectRoot, options.seedsDir) || "." },
        "expected at least one .txt, .json or .jsonl seed file, found none",
      ),
    ]);
  }

  const parsed: LocatedInput[] = [];
  const recordsPerFile: BuildReport["recordsPerFile"] = [];
  let description: CollectionDescription | undefined;
  for (const file of files) {
    try {
      const seed = parseSeed(file);
      for (const record of seed.records) parsed.push(record);
      errors.push(...(seed.problems ?? []));
      warnings.push(...(seed.warnings ?? []));
      recordsPerFile.push({
        file: file.path,
        records: seed.records.length,
        ...(seed.shape && { shape: seed.shape }),
      });
      if (seed.description && description) {
        warnings.push(
          `${seed.description.location.file}:${seed.description.location.line}: preamble not used; the collection's description comes from ${description.location.file}`,
        );
      }
      description ??= seed.description;
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      errors.push(error);
    }
  }
  log("parse", `${parsed.length} record(s)`);

  const validation = validateRecords(parsed);
  errors.push(...validation.errors);
  if (errors.length > 0) throw new BuildFailure(errors);
  log("validate", `${validation.valid.length} valid`);
  return { valid: validation.valid, description, recordsPerFile };
}

export async function buildCollection(options: BuildOptions): Promise<BuildOutput> {
  const log = options.log ?? (() => {});
  const warnings: string[] = [];
  const { valid, description, recordsPerFile } = await readRecords(options, log, warnings);

  const normalised = resolveMembers(normaliseRecords(valid));
  log("normalise", `${normalised.length} record(s)`);

  let identified: ReturnType<typeof identifyRecords>;
  try {
    identified = identifyRecords(normalised);
  } catch (error) {
    throw asFailure(error);
  }
  warnings.push(...identified.warnings);
  log("identify", `${identified.records.length} record(s), ${identified.merges.length} duplicate(s) merged`);

  let synonymGroups: string[][];
  try {
    synonymGroups = readSynonymFiles(
      [
        options.generalSynonymsPath ?? join(options.projectRoot, "index-build", "uk-government-synonyms.json"),
        options.synonymsPath ?? join(options.projectRoot, "index-build", "synonyms.json"),
      ],
      options.projectRoot,
    );
  } catch (error) {
    throw asFailure(error);
  }
  log("synonyms", `${synonymGroups.length} group(s)`);

  const ordered = inSourceOrder(identified.records);
  const grouped = groupAnswers(ordered);
  const grouping = grouped.groups.reduce((sum, group) => sum + group.docs.length, 0);
  log(
    "answers",
    `${grouped.groups.length} group(s) of the same answer, ${grouping} record(s); ${grouped.nearIdenticalJoins} near-identical join(s)`,
  );
  const related = relatedQuestions(ordered);
  log("related", `${related.filter((list) => list.length > 0).length} record(s) with related questions`);

  const collection = compileCollection(
    withAnswerGroups(ordered, grouped.groups),
    {
      title: normaliseText(description?.title ?? DEFAULT_TITLE),
      description: normaliseText(description?.description ?? ""),
    },
    synonymGroups,
    { answerGroups: grouped.groups, related },
  );
  try {
    const refresh = collectionRefresh(options.seedsDir, options.projectRoot);
    if (refresh) collection.meta.refresh = refresh;
  } catch (error) {
    if (error instanceof BuildError) throw new BuildFailure([error]);
    throw error;
  }
  log("compile", `${Object.keys(collection.fieldIndexes).length} field indexes`);

  const emitted = emitCollectionModule(collection);
  let layout: ReturnType<typeof chooseLayout>;
  try {
    layout = chooseLayout(emitted.collection, emitted.source, options.limits ?? buildLimits(options.projectRoot));
  } catch (error) {
    throw asFailure(error);
  }
  const { source, assets, ...sizes } = layout;
  log(
    "emit",
    `build ${emitted.buildId}, ${sizes.layout}: ${sizes.rawBytes} bytes bundled` +
      (assets.size ? `, ${assets.size} asset file(s) of ${sizes.assetBytes} bytes` : ""),
  );

  return {
    source,
    assets,
    collection: emitted.collection,
    report: {
      buildId: emitted.buildId,
      recordsPerFile,
      records: identified.records.length,
      merges: identified.merges,
      conflicts: identified.conflicts,
      truncation: truncationOf(identified.records, identified.completedTexts),
      warnings,
      ...sizes,
      assetFiles: assets.size,
    },
  };
}
