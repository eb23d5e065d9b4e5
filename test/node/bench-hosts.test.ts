/**
 * The bench's engine hosts (bench/engine-host.ts): each engine opened in a process of its own
 * answers warm-up, zero-hit and timing requests for its sides, with as many samples as the kind
 * has queries and the same match counts as the engine opened here; an unknown side is an error.
 * No timing is asserted: the bench's figures are read from `npm run bench`, not from tests.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineHost } from "../../bench/engine-hosts";
import { bundleEngine } from "../../bench/engine-module";
import { engineRequest } from "../../bench/engine-request";
import { generateRecords, toJsonLines } from "../../bench/generate";
import { buildMiniSearch } from "../../bench/minisearch";
import { benchQueries } from "../../bench/queries";
import { openCollection } from "../../src/engine";
import { build, tempProject } from "./build-helpers";

const dir = mkdtempSync(join(tmpdir(), "pqsearch-hosts-test-"));
const hosts: EngineHost[] = [];
// tsx for the host's TypeScript; the test runner's own flags are not the bench's.
const execArgv = ["--import", "tsx", "--expose-gc"];

describe("bench engine hosts", () => {
  let compiled: Awaited<ReturnType<typeof build>>["collection"];
  beforeAll(async () => {
    compiled = (await build(tempProject({ "generated.jsonl": toJsonLines(generateRecords(200, 5)) }))).collection;
  }, 60_000);
  afterAll(() => {
    for (const host of hosts) host.close();
  });

  it("answer each side's requests from their own process, as the engine answers here", async () => {
    const queries = benchQueries(compiled.records);
    const moduleFile = join(dir, "engine.mjs");
    await bundleEngine(moduleFile);
    writeFileSync(join(dir, "compiled.json"), JSON.stringify(compiled));
    writeFileSync(join(dir, "mini.json"), buildMiniSearch(compiled.records));
    writeFileSync(join(dir, "records.json"), JSON.stringify(compiled.records));
    const [pqsearch, mini] = await Promise.all([
      EngineHost.start({ engine: "pqsearch", moduleFile, compiledFile: join(dir, "compiled.json"), queries }, execArgv),
      EngineHost.start(
        { engine: "minisearch", indexFile: join(dir, "mini.json"), recordsFile: join(dir, "records.json"), queries },
        execArgv,
      ),
    ]);
    hosts.push(pqsearch, mini);

    // Warming runs every query for at least the bench's warm-up time, then answers.
    await expect(mini.request({ op: "warm", side: "mini" })).resolves.toBeUndefined();
    const here = openCollection(structuredClone(compiled));
    const rare = queries.filter((query) => query.kind === "rare");
    let zeroHere = 0;
    for (const query of rare) if ((await here.search(engineRequest(query))).total === 0) zeroHere++;
    expect(await pqsearch.request<number>({ op: "zeros", side: "engine", kind: "rare" })).toBe(zeroHere);

    for (const [host, side] of [
      [pqsearch, "engine"],
      [pqsearch, "bare"],
      [pqsearch, "marked"],
      [mini, "mini"],
      [mini, "miniSnippets"],
    ] as const) {
      const samples = await host.request<number[]>({ op: "time", side, kind: "typo" });
      expect(samples, side).toHaveLength(queries.filter((query) => query.kind === "typo").length);
      for (const sample of samples) expect(sample).toBeGreaterThan(0);
    }
    await expect(pqsearch.request({ op: "time", side: "mini", kind: "rare" })).rejects.toThrow(/no side mini/);
  }, 60_000);
});
