/**
 * The fetch's small state file, `seeds/.fetch-state.json`, committed beside the seed files it
 * describes (the build skips dot-files): for each source, the seed file it owns, the definition it
 * was fetched with, the sentence the site shows, and when it last changed. The next run asks only
 * for what was tabled, answered or corrected since then. It is rewritten only when a seed file
 * changes, so a run that finds nothing new leaves every byte as it was.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeAtomically } from "../stages/write";
import { FetchError } from "./fetch-error";

export const STATE_NAME = ".fetch-state.json";

export const SourceState = z.strictObject({
  name: z.string(),
  /** The seed file this source fills, project-relative: the fetch never writes any other. */
  file: z.string(),
  /** The source's query as it was when last fetched (defaults filled in). */
  definition: z.record(z.string(), z.unknown()),
  definedBy: z.string(),
  /** The start of the last run that changed the file: the next run asks from that day. */
  fetchedAt: z.iso.datetime(),
  records: z.int().nonnegative(),
});
export type SourceState = z.infer<typeof SourceState>;

export const FetchState = z.strictObject({ sources: z.array(SourceState) });
export type FetchState = z.infer<typeof FetchState>;

/** The state file's text: sources by name, keys in schema order. */
export function formatState(sources: Iterable<SourceState>): string {
  const sorted = [...sources]
    .map(({ name, file, definition, definedBy, fetchedAt, records }) => ({
      name,
      file,
      definition,
      definedBy,
      fetchedAt,
      records,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${JSON.stringify({ sources: sorted }, null, 2)}\n`;
}

/** The state in `seedsDir`, by source name; empty before the first fetch. */
export function readFetchState(seedsDir: string, shownAs = `seeds/${STATE_NAME}`): Map<string, SourceState> {
  const path = join(seedsDir, STATE_NAME);
  const sources = new Map<string, SourceState>();
  if (!existsSync(path)) return sources;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new FetchError("files", `${shownAs}: not valid JSON (${(error as Error).message}); the fetch writes it`);
  }
  const state = FetchState.safeParse(parsed);
  if (!state.success) {
    const issue = state.error.issues[0];
    throw new FetchError(
      "files",
      `${shownAs}: ${issue?.path.join(".") || "the file"}: ${issue?.message}; the fetch writes this file, so restore it from git`,
    );
  }
  for (const source of state.data.sources) sources.set(source.name, source);
  return sources;
}

export async function writeFetchState(seedsDir: string, sources: Iterable<SourceState>): Promise<void> {
  await writeAtomically(seedsDir, STATE_NAME, formatState(sources));
}
