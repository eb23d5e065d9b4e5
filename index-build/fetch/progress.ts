/**
 * What an unfinished fetch has already received, so an interrupted run (killed, offline, out of
 * request budget) resumes without asking for it again. One directory per source under
 * `.pqsearch/fetch/`; every answer is its own file, written whole (temporary file, then rename),
 * so a kill leaves each file either absent or complete and the cost of saving stays one small
 * write per answer. A finished run deletes the directory.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RawQuestion } from "./api-responses";

export const PROGRESS_DIR = ".pqsearch/fetch";

/** What a run is: a progress directory is reused only by a run that is the same. */
export interface RunIdentity {
  /** The source's definition and the run's mode, as one string. */
  key: string;
  /** The incremental date the run asks from, or null for a full fetch. */
  since: string | null;
}

interface Manifest extends RunIdentity {
  startedAt: string;
}

export interface SavedPage {
  totalResults: number;
  questions: RawQuestion[];
}

let temporaryCounter = 0;

/** Writes `contents` to `path` whole or not at all. */
export async function writeWhole(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${temporaryCounter++}.tmp`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined; // unreadable: as if never saved, so it is fetched again
  }
}

export class FetchProgress {
  private constructor(
    private readonly dir: string,
    readonly startedAt: string,
    readonly resumed: boolean,
    private readonly pages: Map<string, SavedPage>,
    private readonly fullTexts: Map<number, RawQuestion | null>,
  ) {}

  /** Opens the source's progress: the saved answers of an identical unfinished run, or a fresh start. */
  static async open(projectRoot: string, source: string, identity: RunIdentity, now: Date): Promise<FetchProgress> {
    const dir = join(projectRoot, PROGRESS_DIR, source);
    const manifest = readJson(join(dir, "run.json")) as Manifest | undefined;
    if (manifest && manifest.key === identity.key && manifest.since === identity.since) {
      const pages = new Map<string, SavedPage>();
      const fullTexts = new Map<number, RawQuestion | null>();
      for (const name of readdirSync(dir)) {
        const page = /^list-(\d+)-(\d+)\.json$/.exec(name);
        const full = /^full-(\d+)\.json$/.exec(name);
        if (!page && !full) continue;
        const saved = readJson(join(dir, name)) as (SavedPage & { question?: RawQuestion | null }) | undefined;
        if (saved === undefined) continue;
        if (page) pages.set(`${page[1]}-${page[2]}`, saved);
        else fullTexts.set(Number(full?.[1]), saved.question ?? null);
      }
      return new FetchProgress(dir, manifest.startedAt, true, pages, fullTexts);
    }
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const fresh: Manifest = { ...identity, startedAt: now.toISOString() };
    await writeWhole(join(dir, "run.json"), JSON.stringify(fresh));
    return new FetchProgress(dir, fresh.startedAt, false, new Map(), new Map());
  }

  get savedPages(): number {
    return this.pages.size;
  }

  get savedFullTexts(): number {
    return this.fullTexts.size;
  }

  page(query: number, skip: number): SavedPage | undefined {
    return this.pages.get(`${query}-${skip}`);
  }

  async savePage(query: number, skip: number, page: SavedPage): Promise<void> {
    this.pages.set(`${query}-${skip}`, page);
    await writeWhole(join(this.dir, `list-${query}-${skip}.json`), JSON.stringify(page));
  }

  /** Forgets a query's pages, so it is paged again from the start. */
  async forgetQuery(query: number): Promise<void> {
    for (const key of [...this.pages.keys()]) {
      if (!key.startsWith(`${query}-`)) continue;
      this.pages.delete(key);
      await rm(join(this.dir, `list-${key}.json`), { force: true });
    }
  }

  /** The saved single-question answer: a question, null for a 404, undefined if not asked yet. */
  fullText(apiId: number): RawQuestion | null | undefined {
    return this.fullTexts.get(apiId);
  }

  async saveFullText(apiId: number, question: RawQuestion | null): Promise<void> {
    this.fullTexts.set(apiId, question);
    await writeWhole(join(this.dir, `full-${apiId}.json`), JSON.stringify({ question }));
  }

  /** The run finished and its results are written: nothing is left to resume. */
  async finish(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  static exists(projectRoot: string, source: string): boolean {
    return existsSync(join(projectRoot, PROGRESS_DIR, source, "run.json"));
  }
}
