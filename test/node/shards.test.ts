import { beforeAll, describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import { benchQueries } from "../../bench/queries";
import type { CompiledCollection } from "../../src/engine/compiled";
import { SearchEngine, type SearchRequest } from "../../src/engine/engine";
import { PAIR_INDEX } from "../../src/engine/phrase-pairs";
import { isShardedHead, type PostingsFile, postingsFileOf, type ShardedHead } from "../../src/engine/shard-layout";
import { ShardedCollection } from "../../src/engine/shards";
import { build, loadModule, tempProject, testLimits } from "./build-helpers";

// One key per postings file (testLimits' default): a search that failed to fetch any key it looks
// up would answer differently from the bundled engine, rather than finding the key in a
// neighbour's file.

const corpus = generateRecords(400, 7);
let root: string;
let whole: CompiledCollection;
let head: ShardedHead;
let files: Map<string, string>;

beforeAll(async () => {
  root = tempProject({ "generated.jsonl": toJsonLines(corpus) });
  const bundled = await build(root, testLimits({ sharding: "never" }));
  whole = await loadModule(bundled.source);
  const sharded = await build(root, testLimits({ sharding: "always" }));
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
  request('"the government"'),
  request('"the department for" funding'),
];

describe("a sharded collection", () => {
  it("is what the build emits when sharding is forced, with the records split into fixed-size shards", () => {
    expect(isShardedHead(head)).toBe(true);
    expect(head.recordFiles).toHaveLength(10);
    expect(head.meta.buildId).toBe(whole.meta.buildId);
  });

  it("partitions every index's postings by key, each key in the one file its key range names", () => {
    expect(head.indexNames).toEqual([...Object.keys(whole.fieldIndexes), PAIR_INDEX]);
    expect(head.postingsFiles.length).toBeGreaterThan(4);
    expect([...head.postingsFirstKeys].sort()).toEqual(head.postingsFirstKeys);
    const seen = new Map<string, Set<string>>(head.indexNames.map((name) => [name, new Set()]));
    head.postingsFiles.forEach((path, file) => {
      const postings = JSON.parse(files.get(path) as string) as PostingsFile;
      for (const [name, entries] of Object.entries(postings))
        for (const [key] of entries) {
          expect(postingsFileOf(head.postingsFirstKeys, key)).toBe(file);
          seen.get(name)?.add(key);
        }
    });
    for (const name of Object.keys(whole.fieldIndexes)) {
      const keys = (whole.fieldIndexes[name] ?? [])
        .filter(([kind]) => kind.endsWith("map"))
        .flatMap(([, data]) => (data as Array<[string]>).map(([key]) => key));
      expect(seen.get(name)?.size).toBe(keys.length);
    }
    expect(seen.get(PAIR_INDEX)?.size).toBe(whole.phraseIndex.length);
    expect(whole.phraseIndex.length).toBeGreaterThan(0);
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

  it("looks a record up by fetching the ids and only the one shard that holds it, and no index", async () => {
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const wanted = whole.records[123];
    expect(await sharded.record(wanted?.id as string, load)).toEqual(wanted);
    expect(fetched).toEqual([head.columnFiles.ids, head.recordFiles[3]]);
    expect(await sharded.record("nosuchrecord", load)).toBeUndefined();
  });

  it("fetches the search tables and only the shards of the records a page returns for a listing-like search", async () => {
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const result = await sharded.search(request("", { sort: "oldest", limit: 3 }), load);
    const shardsOfHits = new Set(
      result.hits.map((hit) => Math.floor(whole.records.findIndex((record) => record.id === hit.id) / 40)),
    );
    expect(fetched.filter((path) => path.includes("/records-")).sort()).toEqual(
      [...shardsOfHits].map((shard) => head.recordFiles[shard]).sort(),
    );
    expect(fetched.filter((path) => !path.includes("/records-")).sort()).toEqual(
      [head.tablesFile, head.columnFiles.ids].sort(),
    );
  });

  it("lists records with the search tables and record shards but no postings", async () => {
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    await sharded.list({ house: "Lords", answered: undefined }, 10, 0, load);
    expect(fetched.filter((path) => path.includes("/postings-"))).toEqual([]);
    expect(fetched).toContain(head.tablesFile);
  });

  it("fetches for a search exactly the postings files holding the keys it looks up, each once per isolate", async () => {
    const planner = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const holding = (keys: string[]) =>
      head.postingsFiles.filter((path) => {
        const postings = JSON.parse(files.get(path) as string) as PostingsFile;
        return Object.values(postings).some((entries) => entries.some(([key]) => keys.includes(key)));
      });
    const postingsFetched = () => fetched.filter((path) => path.includes("/postings-"));

    const first = planner.plannedKeys("hospitals nurses");
    await sharded.search(request("hospitals nurses"), load);
    expect(postingsFetched().sort()).toEqual(holding(first).sort());
    expect(postingsFetched().length).toBeLessThan(head.postingsFiles.length / 2);

    // A typo is corrected to other keys; only files not yet fetched are added.
    const second = planner.plannedKeys("hospitals scools");
    await sharded.search(request("hospitals scools"), load);
    expect(postingsFetched().sort()).toEqual(holding([...first, ...second]).sort());
    expect(new Set(postingsFetched()).size).toBe(postingsFetched().length);
  });

  it("shares one fetch of a postings file between concurrent searches", async () => {
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const [a, b] = await Promise.all([
      sharded.search(request("schools"), load),
      sharded.search(request("schools", { house: "Lords" }), load),
    ]);
    expect(a.total).toBeGreaterThan(b.total);
    const postings = fetched.filter((path) => path.includes("/postings-"));
    expect(postings.length).toBeGreaterThan(0);
    expect(new Set(postings).size).toBe(postings.length);
    expect(fetched.filter((path) => path === head.tablesFile)).toHaveLength(1);
  });

  it("rejects a search whose postings file cannot be fetched, naming it, and answers once a retry succeeds", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    let failing = true;
    const flaky = async (path: string) => {
      if (failing && path.includes("/postings-")) throw new Error(`pqsearch: static asset ${path} answered 503`);
      return load(path);
    };
    await expect(sharded.search(request("hospitals"), flaky)).rejects.toThrow(
      /static asset .*postings-\d+\.json answered 503/,
    );
    failing = false;
    expect(await sharded.search(request("hospitals"), flaky)).toEqual(bundled.search(request("hospitals")));
    expect(fetched.filter((path) => path.includes("/postings-")).length).toBeGreaterThan(0);
  });

  it("rejects a search whose search tables cannot be fetched, and answers on the next try", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { load } = countingLoader();
    let failing = true;
    const flaky = async (path: string) => {
      if (failing && path === head.tablesFile) throw new Error(`pqsearch: static asset ${path} answered 500`);
      return load(path);
    };
    await expect(sharded.search(request("schools"), flaky)).rejects.toThrow(/tables\.json answered 500/);
    failing = false;
    expect(await sharded.search(request("schools"), flaky)).toEqual(bundled.search(request("schools")));
  });

  it("answers typo, prefix, phrase, multi-word, filtered and faceted queries exactly as the bundled engine does", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { load } = countingLoader();
    const queries = benchQueries(corpus).filter((_, at) => at % 4 === 0);
    expect(new Set(queries.map((query) => query.kind)).size).toBe(9);
    const extra = ["UN", "United Nations", "__proto__ constructor", "extra judicial", "hospitaĺ", "zzzz"];
    for (const each of [
      ...queries.map((query) => request(query.q, query.filters)),
      ...extra.map((q) => request(q)),
      request("school", { party: ["Labour"], limit: 50 }),
    ])
      expect(await sharded.search(each, load), each.q).toEqual(bundled.search(each));
  });

  it("filters by UIN through the UIN column, fetching only the shards of the records it returns", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const uin = whole.records[200]?.uin as string;
    const filters = { uin: [uin.toLowerCase()], answered: undefined };
    expect(await sharded.list(filters, 10, 0, load)).toEqual(bundled.list(filters, 10, 0));
    expect(fetched.filter((path) => path.includes("/records-"))).toEqual([head.recordFiles[5]]);
    expect(fetched).toContain(head.columnFiles.uins);
    const byUin = request("", { uin: [uin] });
    expect(await sharded.search(byUin, load)).toEqual(bundled.search(byUin));
    expect(fetched.filter((path) => path === head.columnFiles.uins)).toHaveLength(1);
  });

  it("filters by tabling date through the date column, fetching only the shards of the records it returns", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection(head);
    const { fetched, load } = countingLoader();
    const filters = { tabledFrom: "2018-01-01", tabledTo: "2018-03-31", answered: undefined };
    expect(await sharded.list(filters, 5, 0, load)).toEqual(bundled.list(filters, 5, 0));
    expect(fetched).toContain(head.columnFiles.dateTabled);
    expect(fetched.filter((path) => path.includes("/records-")).length).toBeLessThanOrEqual(5);
    const byDate = request("schools", filters);
    expect(await sharded.search(byDate, load)).toEqual(bundled.search(byDate));
  });

  it("still answers correctly when only one shard may stay resident", async () => {
    const bundled = new SearchEngine(whole);
    const sharded = new ShardedCollection({ ...head, residentShards: 1 });
    const { load } = countingLoader();
    for (const each of REQUESTS) expect(await sharded.search(each, load)).toEqual(bundled.search(each));
    expect(await sharded.record(whole.records[5]?.id as string, load)).toEqual(whole.records[5]);
  });

  it("fails the build when one key's postings pass the asset file limit, naming the key and the setting", async () => {
    await expect(build(root, testLimits({ sharding: "always", assetFileBytes: 1500 }))).rejects.toThrow(
      /postings file .*postings-\d+\.json \(from key ".+"\) is \d+ bytes, over the 1500-byte asset file limit; raise PQSEARCH_ASSET_FILE_LIMIT/,
    );
  });

  it("refuses a head built in another format, telling the user to rebuild", () => {
    expect(() => new ShardedCollection({ ...head, shardFormatVersion: 99 })).toThrow(/rebuild with npm run build/);
  });
});
