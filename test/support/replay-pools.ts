/**
 * What the replay server serves: the small fixtures in the repo (always there), or every API
 * response saved in the shared corpora (absent from a public clone; `PQSEARCH_CORPORA` names
 * them, default `<repo>/../shared/corpora`). Also a throw-away project for a fetch to run in.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ReplayQuestion } from "./replay-server";

export const PROJECT_ROOT = resolve(import.meta.dirname, "../..");
export const CORPORA = process.env.PQSEARCH_CORPORA ?? join(PROJECT_ROOT, "../shared/corpora");

/** The corpora files in the API's shapes, as the import reads them (see the corpora's SOURCES.md). */
export const CORPORA_API_FILES = [
  "clquestions_api_tabled_2021-02-01.json",
  "clquestions_api_answered_2021-02-01.json",
  "aws_mock_api_questions_2024-01-05.json",
  "aws_mock_api_question_1679416.json",
];

/** Why the corpora tests skip, or null when the corpora are there. */
export const corporaMissing: string | null = CORPORA_API_FILES.every((name) => existsSync(join(CORPORA, name)))
  ? null
  : `the shared corpora are not at ${CORPORA} (set PQSEARCH_CORPORA)`;

type Value = Record<string, unknown>;
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

/** Questions by id: list copies from list responses, full copies from single-question responses. */
function pool(listValues: Value[], singles: Value[]): ReplayQuestion[] {
  const byId = new Map<number, ReplayQuestion>();
  const entry = (id: number) => {
    const known = byId.get(id);
    if (known) return known;
    const question: ReplayQuestion = { id };
    byId.set(id, question);
    return question;
  };
  for (const value of listValues) entry(value.id as number).list ??= value;
  for (const value of singles) entry(value.id as number).single ??= value;
  return [...byId.values()];
}

export interface FixturePool {
  questions: ReplayQuestion[];
  /** A question the tests add between fetches. */
  later: ReplayQuestion;
}

/** The repo's fixtures: real questions (test/fixtures/replay) and the import's list/single pair. */
export function fixturePool(): FixturePool {
  const replay = readJson(join(PROJECT_ROOT, "test/fixtures/replay/questions.json"));
  const api = join(PROJECT_ROOT, "test/fixtures/parliament-api");
  const list = readJson(join(api, "list-expanded.json")).results.map((result: { value: Value }) => result.value);
  const single = readJson(join(api, "single-question.json")).value;
  return {
    questions: [...structuredClone(replay.questions), ...pool(list, [single])],
    later: structuredClone(replay.later),
  };
}

/** Every question in the corpora's API files, with the one full copy they hold. */
export function corporaPool(): ReplayQuestion[] {
  const lists: Value[] = [];
  const singles: Value[] = [];
  for (const name of CORPORA_API_FILES) {
    const saved = readJson(join(CORPORA, name));
    if (saved.results) lists.push(...saved.results.map((result: { value: Value }) => result.value));
    else singles.push(saved.value);
  }
  return pool(lists, singles);
}

/** A temporary project whose pqsearch.config.json holds `collection`. */
export function fetchProject(collection: unknown, files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "pqsearch-fetch-"));
  mkdirSync(join(root, "seeds"));
  writeFileSync(join(root, "pqsearch.config.json"), `${JSON.stringify({ collection }, null, 2)}\n`);
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(root, name), contents);
  return root;
}

/** Settings that keep tests quick: short timeouts and waits, as a config's `api` section. */
export const QUICK_API = { timeoutSeconds: 2, retryBaseSeconds: 0.01, maxRetryWaitSeconds: 5, pageSize: 3 };
