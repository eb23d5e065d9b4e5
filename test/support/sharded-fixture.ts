/**
 * Builds the sharded fixture the `worker-sharded` test project serves: 600 generated records,
 * sharded (forced) into 50-record shards and 16 KiB postings files, in test-artifacts/sharded/.
 * Runs the build CLI as the tests do (bundled: see cli.ts).
 *
 *   tsx test/support/sharded-fixture.ts
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { writeCorpus } from "../../bench/corpus";
import { command } from "./cli";

export const SHARDED_FIXTURE = resolve(import.meta.dirname, "../../test-artifacts/sharded");
export const FIXTURE_RECORDS = 600;

const seeds = writeCorpus(SHARDED_FIXTURE, FIXTURE_RECORDS, 11);
const run = spawnSync(
  ...command("index-build/cli.ts", ["--seeds", seeds, "--out", resolve(SHARDED_FIXTURE, "generated"), "--quiet"]),
  {
    stdio: "inherit",
    // Small postings files, so that a search's few files are distinguishable from the whole index.
    env: {
      ...process.env,
      PQSEARCH_SHARDING: "always",
      PQSEARCH_RECORDS_PER_SHARD: "50",
      PQSEARCH_POSTINGS_FILE_BYTES: "16384",
    },
  },
);
process.exitCode = run.status ?? 1;
