/**
 * Build time: what `/v1/meta` says about how the collection is kept current, read from the
 * fetch's state file beside the seeds. Only sources whose seed file is there count; a collection
 * never fetched has no `refresh` at all.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CollectionRefresh } from "../../src/schema/collection-refresh";
import { BuildError } from "../errors";
import { FetchError } from "./fetch-error";
import { readFetchState, STATE_NAME } from "./state";

export function collectionRefresh(seedsDir: string, projectRoot: string): CollectionRefresh | undefined {
  let sources: ReturnType<typeof readFetchState>;
  try {
    sources = readFetchState(seedsDir);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    // The build's own error type, so the build reports it like any other bad input.
    throw new BuildError({ file: join("seeds", STATE_NAME), line: 1 }, error.message.replace(/^[^:]*: /, ""));
  }
  const fetched = [...sources.values()]
    .filter((source) => existsSync(join(projectRoot, source.file)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (fetched.length === 0) return undefined;
  return {
    definedBy: fetched.map((source) => source.definedBy),
    refreshedAt: fetched
      .map((source) => source.fetchedAt)
      .sort()
      .at(-1) as string,
  };
}
