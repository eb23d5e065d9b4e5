import { beforeAll, describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import type { BuildLimits } from "../../index-build/limits";
import type { CompiledCollection } from "../../src/engine/compiled";
import { SearchEngine, type SearchRequest } from "../../src/engine/engine";
import { isShardedHead, type ShardedHead } from "../../src/engine/shard-layout";
import { ShardedCollection } from "../../src/engine/shards";
import { build, loadModule, tempProject } from "./build-helpers";

const limits = (overrides: Partial<BuildLimits>): BuildLimits => ({
  plan: "paid",
  freeGzipBytes: 3 * 1024 * 1024,
  paidGzipBytes: 10 * 1024 * 1024,
  bundleBudgetBytes: 9 * 1024 * 1024,
  sharding: "auto",
  recordsPerShard: 40,
  assetFileBytes: 25 * 1024 * 1024,
  assetFiles: 100_000,
  ...overrides,
});

let whole: CompiledCollection;
let head: ShardedHead;
let files: Map<string, string>;

beforeAll(async () => {
  const root = tempProject({ "generated.jsonl": toJsonLines(generateRecords(400, 7)) });
  const bundled = await build(root, limits({ sharding: "never" }));
  whole = await loadModule(bundled.source);
  const sharded = await build(root, limits({ sharding: "always" }));
  head = await loadModule(sharded.source);
  files = sharded.assets;
});

/** A loader over the build's asset files that remembers what it was asked for. */
function countingLoader() {
  const fetched: string[] = [];
  const load = async (path: string) => {
    fetched.push(path);
    const contents = files.get(path);
    if (contents === undefined) throw new Error(`no asset ${path}`);
    return JSON.parse(contents);
  };
  return { fetched, load };
}

const request = (q: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  q,
  answered: undefined,
  sort: "relevance",
  limit: 10,
  offset: 0,
  ...extra,
});

const REQUESTS: SearchRequest[] = [
  request("schools"),
  request("hospitals nurses"),
  request("the government department"),
  request("police", { house: "Lords" }),
  request("funding", { answered: false, limit: 50 }),
  request("roads", { from: "2016-01-01", to: "2017-12-31", sort: "oldest" }),
  request("", { sort: "newest", offset: 30 }),
  request("pensions", { party: ["Labour", "Conservative"], offset: 5 }),
];

describe("a sharded collection", () => {
  it("is what the build emits when sharding is forced, with the records split into fixed-size shards", () => {
    expect(isShardedHead(head)).toBe(true);
    expect(head.recordFiles).toHaveLength(10);
    expect(head.meta.buildId).toBe(whole.meta.buildId);
  });

  it("answers every search exactly as the bundled engine does, filters, sorts and pages included", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { load } = countingLoader();
    for (const each of REQUESTS) expect(await sharded.search(each, load)).toEqual(bundled.search(each));
  });

  it("lists filtered records exactly as the bundled engine does", async () => {
    const commons = { house: "Commons", answered: undefined } as const;
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { load } = countingLoader();
    expect(await sharded.list(commons, 25, 60, load)).toEqual(bundled.list(commons, 25, 60));
  });

  it("looks a record up by fetching only the one shard that holds it, and no index", async () => {
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const wanted = whole.records[123];
    expect(await sharded.record(wanted?.id as string, load)).toEqual(wanted);
    expect(fetched).toEqual([head.recordFiles[3]]);
    expect(await sharded.record("nosuchrecord", load)).toBeUndefined();
  });

  it("fetches the indexes once per isolate and only the shards of the records a page returns", async () => {
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const result = await sharded.search(request("", { sort: "oldest", limit: 3 }), load);
    const indexFiles = Object.values(head.indexFiles).flat();
    const shardsOfHits = new Set(
      result.hits.map((hit) => Math.floor(whole.records.findIndex((record) => record.id === hit.id) / 40)),
    );
    expect(fetched.filter((path) => path.includes("/records-")).sort()).toEqual(
      [...shardsOfHits].map((shard) => head.recordFiles[shard]).sort(),
    );
    expect(fetched.filter((path) => path.includes("/index-")).sort()).toEqual([...indexFiles].sort());
    await sharded.search(request("schools"), load);
    expect(fetched.filter((path) => path.includes("/index-"))).toHaveLength(indexFiles.length);
  });

  it("still answers correctly when only one shard may stay resident", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection({ ...head, residentShards: 1 });
    const { load } = countingLoader();
    for (const each of REQUESTS) expect(await sharded.search(each, load)).toEqual(bundled.search(each));
    expect(await sharded.record(whole.records[5]?.id as string, load)).toEqual(whole.records[5]);
  });

  it("refuses a head built in another format, telling the user to rebuild", () => {
    expect(() => new ShardedCollection({ ...head, shardFormatVersion: 99 })).toThrow(/rebuild with npm run build/);
  });
});
