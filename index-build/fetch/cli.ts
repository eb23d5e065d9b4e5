/**
 * `npm run fetch`: brings each source defined in pqsearch.config.json's "collection" up to date
 * from the written-questions API, writes its seed file (only if it changed) and prints what
 * changed. Exits 1 with one clear message, and the failing source's seed file as it was, when the
 * config is invalid, the API cannot be reached or answers something unknown; what was fetched by
 * then is kept in .pqsearch/fetch/ and the next run goes on from there.
 *
 *   tsx index-build/fetch/cli.ts [--since YYYY-MM-DD] [--full] [--base-url URL] [--source NAME] [--quiet]
 */
import { parseArgs } from "node:util";
import { IsoDate } from "../../src/schema/primitives";
import { formatChanges, summariseChanges } from "./changes";
import type { ApiClient } from "./client";
import { FetchError } from "./fetch-error";
import { PROGRESS_DIR } from "./progress";
import { runFetch } from "./run";

const USAGE = "usage: npm run fetch -- [--since YYYY-MM-DD] [--full] [--base-url URL] [--source NAME] [--quiet]";

function options() {
  return parseArgs({
    options: {
      since: { type: "string" },
      full: { type: "boolean", default: false },
      "base-url": { type: "string" },
      source: { type: "string", multiple: true },
      quiet: { type: "boolean", default: false },
    },
  }).values;
}

async function main(): Promise<number> {
  let values: ReturnType<typeof options>;
  try {
    values = options();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.since !== undefined && !IsoDate.safeParse(values.since).success) {
    console.error(`--since: expected a date as YYYY-MM-DD, found ${JSON.stringify(values.since)}\n${USAGE}`);
    return 2;
  }
  const log = (stage: string, message: string) => {
    if (!values.quiet) console.log(`[${stage.padEnd(9)}] ${message}`);
  };
  const started = performance.now();
  let client: ApiClient | undefined;
  try {
    const run = await runFetch(
      {
        projectRoot: process.cwd(),
        ...(values["base-url"] && { baseUrl: values["base-url"] }),
        ...(values.source && { sources: values.source }),
        since: values.since ?? null,
        full: values.full,
        log,
        hooks: {
          onRetry: (request, reason, waitMs) =>
            log("retry", `${reason}: ${request}; waiting ${(waitMs / 1000).toFixed(1)} s`),
        },
      },
      (created) => {
        client = created;
      },
    );
    for (const outcome of run.outcomes) {
      for (const warning of outcome.warnings) console.log(`warning: ${warning}`);
      const changed = outcome.changes.length > 0;
      console.log(`${outcome.file}: ${changed ? summariseChanges(outcome.changes) : "no changes; left as it was"}`);
      if (changed) for (const line of formatChanges(outcome.changes)) console.log(`  ${line}`);
    }
    const { requests, retries, waitedMs } = run.stats;
    const anyChange = run.outcomes.some((outcome) => outcome.written);
    console.log(
      `${requests} request(s), ${retries} retr${retries === 1 ? "y" : "ies"} (${(waitedMs / 1000).toFixed(1)} s waiting), ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s; ${anyChange ? "review the changes with: git diff seeds/" : "nothing to commit"}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof FetchError)) {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      return 1;
    }
    console.error(error.message);
    if (client && error.kind !== "config" && error.kind !== "files")
      console.error(
        `fetch stopped after ${client.stats.requests} request(s); what arrived is kept in ${PROGRESS_DIR}/ and the next run goes on from there`,
      );
    console.error("fetch failed; the seed file being fetched was left as it was");
    return 1;
  }
}

process.exitCode = await main();
