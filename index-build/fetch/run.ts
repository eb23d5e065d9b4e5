/**
 * A whole fetch: every source in the config (or those asked for), one after another through one
 * polite client, each source's seed file and state written as soon as it is done. The CLI prints
 * what this returns; tests call it directly.
 */
import { join } from "node:path";
import { ApiClient, type ClientHooks, type ClientStats } from "./client";
import { readCollectionConfig } from "./config";
import { FetchError } from "./fetch-error";
import { fetchSource, type SourceOutcome } from "./fetch-source";
import { readFetchState, writeFetchState } from "./state";

export interface FetchOptions {
  projectRoot: string;
  /** `--base-url`: another server speaking the API (a mirror, or the tests' replay server). */
  baseUrl?: string;
  /** `--source`: only these sources. */
  sources?: string[];
  since?: string | null;
  full?: boolean;
  log?: (stage: string, message: string) => void;
  hooks?: ClientHooks;
  /** Overrides of collection.api, for tests (short timeouts and waits). */
  api?: Partial<ReturnType<typeof readCollectionConfig>["api"]>;
  now?: () => Date;
}

export interface FetchRun {
  outcomes: Array<SourceOutcome & { source: string }>;
  stats: ClientStats;
}

/** Runs the fetch; `onClient` sees the client first, so a caller can report its stats after a failure. */
export async function runFetch(options: FetchOptions, onClient?: (client: ApiClient) => void): Promise<FetchRun> {
  const config = readCollectionConfig(options.projectRoot);
  const api = { ...config.api, ...options.api, ...(options.baseUrl && { baseUrl: options.baseUrl }) };
  const wanted = options.sources ?? config.sources.map((source) => source.name);
  const unknown = wanted.filter((name) => !config.sources.some((source) => source.name === name));
  if (unknown.length > 0)
    throw new FetchError("config", `--source: no source named ${unknown.join(", ")} in the config`);
  const client = new ApiClient(api, options.hooks);
  onClient?.(client);
  const seedsDir = join(options.projectRoot, "seeds");
  const state = readFetchState(seedsDir);
  const outcomes: FetchRun["outcomes"] = [];
  for (const source of config.sources.filter((candidate) => wanted.includes(candidate.name))) {
    const outcome = await fetchSource({
      projectRoot: options.projectRoot,
      source,
      api,
      client,
      previous: state.get(source.name),
      since: options.since ?? null,
      full: options.full ?? false,
      now: options.now?.() ?? new Date(),
      log: options.log ?? (() => {}),
      saveState: async (next) => {
        state.set(next.name, next);
        await writeFetchState(seedsDir, state.values());
      },
    });
    outcomes.push({ ...outcome, source: source.name });
  }
  return { outcomes, stats: client.stats };
}
