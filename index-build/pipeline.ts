/**
 * The build, stage by stage: read → parse → validate → normalise → identify → compile → emit.
 * Each stage is a typed function in `stages/`; this file only chains them and says what each did.
 * Nothing is written here: the CLI writes the output once every stage has succeeded.
 */
import { join } from "node:path";
import type { CompiledCollection } from "../src/engine/compiled";
import { chooseLayout } from "./budget";
import { BuildError } from "./errors";
import { type BuildLimits, buildLimits } from "./limits";
import { type BuildReport, truncationOf } from "./report";
import { compileCollection } from "./stages/compile";
import { emitCollectionModule } from "./stages/emit";
import { identifyRecords } from "./stages/identify";
import type { CollectionDescription, LocatedInput, ParsedSeed } from "./stages/located";
import { normaliseRecords } from "./stages/normalise";
import { parseJsonLinesSeed, parseJsonSeed } from "./stages/parse-json";
import { parseTextSeed } from "./stages/parse-text";
import { readSeeds, type SeedFile } from "./stages/read";
import { resolveMembers } from "./stages/resolve-members";
import { readSynonyms } from "./stages/synonyms";
import { validateRecords } from "./stages/validate";

/** Every problem found, so one run shows them all. */
export class BuildFailure extends Error {
  readonly errors: BuildError[];
  constructor(errors: BuildError[]) {
    super(errors.map((error) => error.message).join("\n"));
    this.name = "BuildFailure";
    this.errors = errors;
  }
}

export interface BuildOptions {
  seedsDir: string;
  projectRoot: string;
  log?: (stage: string, message: string) => void;
  /** The synonyms file; by default `index-build/synonyms.json` under the project root, if present. */
  synonymsPath?: string;
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

export async function buildCollection(options: BuildOptions): Promise<BuildOutput> {
  const log = options.log ?? (() => {});
  const warnings: string[] = [];
  const errors: BuildError[] = [];

  const { files, skipped } = await readSeeds(options.seedsDir, options.projectRoot);
  for (const { path, reason } of skipped) warnings.push(`${path}: skipped, ${reason}`);
  log("read", `${files.length} seed file(s)${skipped.length ? `, ${skipped.length} skipped` : ""}`);
  if (files.length === 0) {
    throw new BuildFailure([
      new BuildError(
        { file: options.seedsDir, line: 1 },
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
      parsed.push(...seed.records);
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

  const normalised = resolveMembers(normaliseRecords(validation.valid));
  log("normalise", `${normalised.length} record(s)`);

  let identified: ReturnType<typeof identifyRecords>;
  try {
    identified = identifyRecords(normalised);
  } catch (error) {
    if (error instanceof BuildError) throw new BuildFailure([error]);
    throw error;
  }
  warnings.push(...identified.warnings);
  log("identify", `${identified.records.length} record(s), ${identified.merges.length} duplicate(s) merged`);

  let synonymGroups: string[][];
  try {
    synonymGroups = readSynonyms(
      options.synonymsPath ?? join(options.projectRoot, "index-build", "synonyms.json"),
      options.projectRoot,
    );
  } catch (error) {
    if (error instanceof BuildError) throw new BuildFailure([error]);
    throw error;
  }
  log("synonyms", `${synonymGroups.length} group(s)`);

  const collection = compileCollection(
    identified.records,
    { title: description?.title ?? DEFAULT_TITLE, description: description?.description ?? "" },
    synonymGroups,
  );
  log("compile", `${Object.keys(collection.fieldIndexes).length} field indexes`);

  const emitted = emitCollectionModule(collection);
  const limits = options.limits ?? buildLimits(options.projectRoot);
  const { source, assets, ...sizes } = chooseLayout(emitted.collection, emitted.source, limits);
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
