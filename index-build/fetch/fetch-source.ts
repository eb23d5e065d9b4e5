/**
 * One source, fetched: plan the queries (whole, or since the last fetch), page through them, fetch
 * the full texts the list endpoint cut, merge into the records the seed file holds, check the
 * result reads as the build reads it, and write the seed file and the state (only if they change).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RecordInput } from "../../src/schema/record";
import { detectShape } from "../formats/parliament-api/shape";
import { validateRecords } from "../stages/validate";
import { planQueries, questionPath } from "./api-query";
import { type RawQuestion, readSingleQuestion } from "./api-responses";
import { type Change, changesBetween } from "./changes";
import type { ApiClient } from "./client";
import { type CollectionConfig, type CollectionSource, seedFileOf } from "./config";
import { definedBy, labelsFrom } from "./defined-by";
import { FetchError } from "./fetch-error";
import { allSaved, fetchLists } from "./pager";
import { FetchProgress } from "./progress";
import { recordOf, resolveListCopy } from "./records";
import { formatSeed, readFetchedSeed, writeFetchedSeed } from "./seed-file";
import type { SourceState } from "./state";

export interface SourceOptions {
  projectRoot: string;
  source: CollectionSource;
  api: CollectionConfig["api"];
  client: ApiClient;
  /** The source's entry in the state file, if it was fetched before. */
  previous: SourceState | undefined;
  /** `--since`: ask from this date whatever the state says. */
  since: string | null;
  /** `--full`: ask for the whole definition, and retry full texts that were missing. */
  full: boolean;
  now: Date;
  log: (stage: string, message: string) => void;
  /** Records the source's new state (the caller keeps the state file, which holds every source). */
  saveState: (state: SourceState) => Promise<void>;
}

export interface SourceOutcome {
  file: string;
  changes: Change[];
  /** Whether the source's state was rewritten (its seed file, its definition or its sentence changed). */
  written: boolean;
  state: SourceState;
  warnings: string[];
  counts: { pagesFetched: number; pagesResumed: number; fullTextsFetched: number; fullTextsResumed: number };
}

/** The definition as one string: key order never makes two equal definitions differ. */
function definitionKey(definition: object): string {
  return JSON.stringify(definition, Object.keys(definition).sort());
}

function checkOwnership(projectRoot: string, file: string, previous: SourceState | undefined): void {
  if (existsSync(join(projectRoot, file)) && previous?.file !== file)
    throw new FetchError(
      "files",
      `${file} exists but the fetch did not write it (seeds/.fetch-state.json does not list it): ` +
        `the fetch never overwrites a hand-written seed; rename the source or move that file`,
    );
}

/**
 * Checks the new file the way the build reads it (shape detection, then the record schema): a
 * record it would reject is never written. Lines are not located: the build's own parse finds
 * each record's line one scan at a time, which a large file makes slow, and the fetch needs none.
 */
function checkBuildReads(file: string, text: string): void {
  const value: unknown = JSON.parse(text);
  if (detectShape(value).kind !== "canonical")
    throw new FetchError("unexpected", `${file}: the records fetched would not read as canonical records`);
  const records = (value as unknown[]).map((record) => ({ value: record, location: { file, line: 1 } }));
  const { errors } = validateRecords(records);
  if (errors.length > 0)
    throw new FetchError("unexpected", `the records fetched would fail the build: ${errors[0]?.detail}`);
}

async function fullTexts(
  ids: number[],
  client: ApiClient,
  progress: FetchProgress,
  counts: SourceOutcome["counts"],
): Promise<Map<number, RawQuestion | null>> {
  const answers = await allSaved(
    ids.map(async (apiId) => {
      const saved = progress.fullText(apiId);
      if (saved !== undefined) {
        counts.fullTextsResumed++;
        return [apiId, saved] as const;
      }
      const path = questionPath(apiId);
      const answer = await client.getJson(path);
      const question =
        answer.status === 404 ? null : readSingleQuestion(`GET ${client.urlOf(path)}`, answer.body, apiId);
      counts.fullTextsFetched++;
      await progress.saveFullText(apiId, question);
      return [apiId, question] as const;
    }),
  );
  return new Map(answers);
}

export async function fetchSource(options: SourceOptions): Promise<SourceOutcome> {
  const { projectRoot, source, client, previous, log } = options;
  const file = seedFileOf(source);
  checkOwnership(projectRoot, file, previous);
  const held = readFetchedSeed(projectRoot, file);
  const key = definitionKey(source.query);
  const redefined = previous !== undefined && definitionKey(previous.definition) !== key;
  let since: string | null = null;
  if (redefined) log("plan", `${source.name}: the definition changed since the last fetch, so all of it is fetched`);
  else if (!options.full) since = options.since ?? previous?.fetchedAt.slice(0, 10) ?? null;
  const queries = planQueries(source.query, since);
  log("plan", `${source.name}: ${queries.map((query) => query.label).join("; ")}`);

  const progress = await FetchProgress.open(projectRoot, source.name, { key, since }, options.now);
  if (progress.resumed)
    log(
      "resume",
      `${source.name}: going on with the fetch started ${progress.startedAt}: ${progress.savedPages} page(s) and ${progress.savedFullTexts} full text(s) already saved`,
    );
  const lists = await fetchLists(client, progress, queries, options.api.pageSize);
  const counts = {
    pagesFetched: lists.pagesFetched,
    pagesResumed: lists.pagesResumed,
    fullTextsFetched: 0,
    fullTextsResumed: 0,
  };
  log(
    "list",
    `${source.name}: ${lists.questions.size} question(s) from ${lists.pagesFetched + lists.pagesResumed} page(s)`,
  );

  // Questions the definition no longer covers leave with a new definition, never otherwise.
  const next = new Map<number, RecordInput>(redefined ? [] : held);
  const wanting: number[] = [];
  const listCopies = new Map<number, RecordInput>();
  for (const [apiId, question] of [...lists.questions].sort(([a], [b]) => a - b)) {
    const listCopy = recordOf(question, true);
    const decision = resolveListCopy(listCopy, held.get(apiId), since === null);
    if ("keep" in decision) next.set(apiId, decision.keep);
    else {
      wanting.push(apiId);
      listCopies.set(apiId, listCopy);
    }
  }
  const singles = await fullTexts(wanting, client, progress, counts);
  const warnings = [...lists.warnings];
  const stillCut: number[] = [];
  for (const apiId of wanting) {
    const single = singles.get(apiId);
    if (single) next.set(apiId, recordOf(single, false));
    else {
      next.set(apiId, listCopies.get(apiId) as RecordInput);
      stillCut.push(apiId);
    }
  }
  if (stillCut.length > 0)
    warnings.push(
      `${source.name}: ${stillCut.length} question(s) keep their cut texts (marked "truncated"): the single-question endpoint had no copy (404), e.g. ${client.urlOf(questionPath(stillCut[0] as number))}`,
    );
  log(
    "full text",
    `${source.name}: ${wanting.length} cut text(s) asked for in full, ${counts.fullTextsFetched} fetched, ${counts.fullTextsResumed} resumed, ${stillCut.length} not available`,
  );

  const text = formatSeed(next.values());
  checkBuildReads(file, text);
  const path = join(projectRoot, file);
  const before = existsSync(path) ? readFileSync(path, "utf8") : null;
  const labels = labelsFrom(lists.questions.values());
  const described = definedBy(source, labels);
  const sentence = !described.complete && previous && !redefined ? previous.definedBy : described.sentence;
  const written = before !== text || previous === undefined || redefined || previous.definedBy !== sentence;
  const state: SourceState = written
    ? {
        name: source.name,
        file,
        definition: { ...source.query },
        definedBy: sentence,
        fetchedAt: progress.startedAt,
        records: next.size,
      }
    : (previous as SourceState);
  if (before !== text) await writeFetchedSeed(projectRoot, file, text);
  // Seed file first, then state: killed between the two, the next run only asks for a little more.
  if (written) await options.saveState(state);
  await progress.finish();
  return { file, changes: changesBetween(held, next), written, state, warnings, counts };
}
