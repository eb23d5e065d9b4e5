import { beforeAll, describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import { benchQueries } from "../../bench/queries";
import {
  type AssetLoader,
  type CompiledCollection,
  internals,
  isShardedHead,
  openCollection,
  type SearchRequest,
  type ShardedHead,
} from "../../src/engine";
import { build, loadModule, tempProject, testLimits } from "./build-helpers";

const { PAIR_INDEX, postingsFileOf, ShardedStore } = internals;
type PostingsFile = internals.PostingsFile;

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
  const shardedBuild = await build(root, testLimits({ sharding: "always" }));
  head = await loadModule(shardedBuild.source);
  files = shardedBuild.assets;
});

const sharded = (load: AssetLoader, changes: Partial<ShardedHead> = {}) =>
  openCollection({ ...head, ...changes }, { load });

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
    const bundled = openCollection(whole);
    const { load } = countingLoader();
    const collection = sharded(load);
    for (const each of REQUESTS) expect(await collection.search(each)).toEqual(await bundled.search(each));
  });

  it("answers concurrent searches exactly as the bundled engine does, however their fetches interleave", async () => {
    const bundled = openCollection(whole);
    const requests = [...REQUESTS, request('"the government department"'), request('"department for" roads')];
    const expected = await Promise.all([...requests, ...requests].map((each) => bundled.search(each)));
    // Each fetch answers after a different delay, so searches resume in another order than they
    // began; five patterns of delays, since one pattern may happen to resume them harmlessly.
    for (let pattern = 0; pattern < 5; pattern++) {
      const { load } = countingLoader();
      let calls = 0;
      const slow: AssetLoader = (path) =>
        new Promise((resolve) => setTimeout(() => resolve(load(path)), (calls++ * 7 + pattern) % 5));
      const collection = sharded(slow, { residentShards: 2 });
      const answers = await Promise.all([...requests, ...requests].map((each) => collection.search(each)));
      expect(answers, `delay pattern ${pattern}`).toEqual(expected);
    }
  });

  it("lists filtered records exactly as the bundled engine does", async () => {
    const commons = { house: "Commons", answered: undefined, limit: 25, offset: 60 } as const;
    const bundled = openCollection(whole);
    const { load } = countingLoader();
    expect(await sharded(load).list(commons)).toEqual(await bundled.list(commons));
  });

  it("looks a record up by fetching the ids and only the one shard that holds it, and no index", async () => {
    const { fetched, load } = countingLoader();
    const collection = sharded(load);
    const wanted = whole.records[123];
    expect(await collection.record(wanted?.id as string)).toEqual(wanted);
    expect(fetched).toEqual([head.columnFiles.ids, head.recordFiles[3]]);
    expect(await collection.record("nosuchrecord")).toBeUndefined();
  });

  it("fetches only the shards of the records a page returns for a listing-like search, and no table or index", async () => {
    const { fetched, load } = countingLoader();
    const result = await sharded(load).search(request("", { sort: "oldest", limit: 3 }));
    const shardsOfHits = new Set(
      result.hits.map((hit) => Math.floor(whole.records.findIndex((record) => record.id === hit.id) / 40)),
    );
    expect(fetched.filter((path) => path.includes("/records-")).sort()).toEqual(
      [...shardsOfHits].map((shard) => head.recordFiles[shard]).sort(),
    );
    expect(fetched.filter((path) => !path.includes("/records-"))).toEqual([]);
  });

  it("lists records from the head and the record shards alone: no postings, no search tables", async () => {
    const { fetched, load } = countingLoader();
    await sharded(load).list({ house: "Lords", answered: undefined, limit: 10, offset: 0 });
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((path) => !path.includes("/records-"))).toEqual([]);
  });

  it("fetches for a search exactly the postings files whose key ranges hold the keys it looks up, each once per isolate", async () => {
    const planner = openCollection(whole);
    const { fetched, load } = countingLoader();
    const collection = sharded(load);
    // A key some file lists is in that file; a proximity pair no record holds is looked for in the
    // file its range names (the key list holds no pairs, so the engine cannot know it is absent).
    const holding = (keys: string[]) => {
      const listed = new Set<string>();
      for (const path of head.postingsFiles) {
        const postings = JSON.parse(files.get(path) as string) as PostingsFile;
        for (const entries of Object.values(postings)) for (const [key] of entries) listed.add(key);
      }
      const paths = keys.map((key) => head.postingsFiles[postingsFileOf(head.postingsFirstKeys, key)] as string);
      for (const key of keys) if (!listed.has(key)) expect(key).toContain(">");
      return [...new Set(paths)];
    };
    const postingsFetched = () => fetched.filter((path) => path.includes("/postings-"));

    const first = await planner.plannedKeys("hospitals nurses");
    await collection.search(request("hospitals nurses"));
    expect(postingsFetched().sort()).toEqual(holding(first).sort());
    expect(postingsFetched().length).toBeLessThan(head.postingsFiles.length / 2);

    // A typo is corrected to other keys; only files not yet fetched are added.
    const second = await planner.plannedKeys("hospitals scools");
    await collection.search(request("hospitals scools"));
    expect(postingsFetched().sort()).toEqual(holding([...first, ...second]).sort());
    expect(new Set(postingsFetched()).size).toBe(postingsFetched().length);
  });

  it("shares one fetch of a postings file between concurrent searches", async () => {
    const { fetched, load } = countingLoader();
    const collection = sharded(load);
    const [a, b] = await Promise.all([
      collection.search(request("schools")),
      collection.search(request("schools", { house: "Lords" })),
    ]);
    expect(a.total).toBeGreaterThan(b.total);
    const postings = fetched.filter((path) => path.includes("/postings-"));
    expect(postings.length).toBeGreaterThan(0);
    expect(new Set(postings).size).toBe(postings.length);
    expect(fetched.filter((path) => path === head.tablesFile)).toHaveLength(1);
  });

  it("rejects a search whose postings file cannot be fetched, naming it, and answers once a retry succeeds", async () => {
    const bundled = openCollection(whole);
    const { fetched, load } = countingLoader();
    let failing = true;
    const flaky = async (path: string) => {
      if (failing && path.includes("/postings-")) throw new Error(`pqsearch: static asset ${path} answered 503`);
      return load(path);
    };
    const collection = sharded(flaky);
    await expect(collection.search(request("hospitals"))).rejects.toThrow(
      /static asset .*postings-\d+\.json answered 503/,
    );
    failing = false;
    expect(await collection.search(request("hospitals"))).toEqual(await bundled.search(request("hospitals")));
    expect(fetched.filter((path) => path.includes("/postings-")).length).toBeGreaterThan(0);
  });

  it("rejects a search whose search tables cannot be fetched, and answers on the next try", async () => {
    const bundled = openCollection(whole);
    const { load } = countingLoader();
    let failing = true;
    const flaky = async (path: string) => {
      if (failing && path === head.tablesFile) throw new Error(`pqsearch: static asset ${path} answered 500`);
      return load(path);
    };
    const collection = sharded(flaky);
    await expect(collection.search(request("schools"))).rejects.toThrow(/tables\.json answered 500/);
    failing = false;
    expect(await collection.search(request("schools"))).toEqual(await bundled.search(request("schools")));
  });

  it("answers typo, prefix, phrase, multi-word, filtered and faceted queries exactly as the bundled engine does", async () => {
    const bundled = openCollection(whole);
    const { load } = countingLoader();
    const collection = sharded(load);
    const queries = benchQueries(corpus).filter((_, at) => at % 4 === 0);
    expect(new Set(queries.map((query) => query.kind)).size).toBe(9);
    const extra = ["UN", "United Nations", "__proto__ constructor", "extra judicial", "hospitaĺ", "zzzz"];
    for (const each of [
      ...queries.map((query) => request(query.q, query.filters)),
      ...extra.map((q) => request(q)),
      request("school", { party: ["Labour"], limit: 50 }),
      // One day's answers: the sharded head keeps each date once, by rank.
      ...whole.records
        .flatMap((record) => (record.answer ? [record.answer.dateAnswered] : []))
        .filter((_, at) => at % 97 === 0)
        .map((day) => request("", { from: day, to: day, limit: 50 })),
    ])
      expect(await collection.search(each), each.q).toEqual(await bundled.search(each));
  });

  it("filters by UIN through the UIN column, fetching only the shards of the records it returns", async () => {
    const bundled = openCollection(whole);
    const { fetched, load } = countingLoader();
    const collection = sharded(load);
    const uin = whole.records[200]?.uin as string;
    const filters = { uin: [uin.toLowerCase()], answered: undefined, limit: 10, offset: 0 };
    expect(await collection.list(filters)).toEqual(await bundled.list(filters));
    expect(fetched.filter((path) => path.includes("/records-"))).toEqual([head.recordFiles[5]]);
    expect(fetched).toContain(head.columnFiles.uins);
    const byUin = request("", { uin: [uin] });
    expect(await collection.search(byUin)).toEqual(await bundled.search(byUin));
    expect(fetched.filter((path) => path === head.columnFiles.uins)).toHaveLength(1);
  });

  it("filters by tabling date through the date column, fetching only the shards of the records it returns", async () => {
    const bundled = openCollection(whole);
    const { fetched, load } = countingLoader();
    const collection = sharded(load);
    const filters = { tabledFrom: "2018-01-01", tabledTo: "2018-03-31", answered: undefined };
    expect(await collection.list({ ...filters, limit: 5, offset: 0 })).toEqual(
      await bundled.list({ ...filters, limit: 5, offset: 0 }),
    );
    expect(fetched).toContain(head.columnFiles.dateTabled);
    expect(fetched.filter((path) => path.includes("/records-")).length).toBeLessThanOrEqual(5);
    const byDate = request("schools", filters);
    expect(await collection.search(byDate)).toEqual(await bundled.search(byDate));
  });

  it("answers a search again from the records it returned, fetching no record shard, with one shard resident", async () => {
    const { fetched, load } = countingLoader();
    const collection = sharded(load, { residentShards: 1 });
    // Twenty searches' hits, ten each, from many shards: more than one resident shard holds.
    const searches = [...REQUESTS, ...["tax", "energy", "housing", "prisons", "water"].map((q) => request(q))];
    const first = [];
    for (const each of searches) first.push(await collection.search(each));
    const shardsRead = fetched.filter((path) => path.includes("/records-")).length;
    expect(shardsRead).toBeGreaterThan(1);
    for (const [at, each] of searches.entries()) expect(await collection.search(each)).toEqual(first[at]);
    expect(fetched.filter((path) => path.includes("/records-")).length).toBe(shardsRead);
  });

  it("fetches a record's shard again once the records kept pass their budget, and answers the same", async () => {
    const pages = [
      [0, 100, 200],
      [300, 5],
      [0, 100, 200],
    ];
    const shardsRead = async (keptBytes?: number) => {
      const { fetched, load } = countingLoader();
      const store = new ShardedStore({ ...head, residentShards: 1 }, load, keptBytes);
      for (const docs of pages) expect(await store.records(docs)).toEqual(docs.map((doc) => whole.records[doc]));
      return fetched.filter((path) => path.includes("/records-")).length;
    };
    // Four shards hold these records; the third page is kept from the first.
    expect(await shardsRead()).toBe(4);
    // Room for one record: the third page's shards are fetched again.
    expect(await shardsRead(1)).toBe(7);
  });

  it("still answers correctly when only one shard may stay resident", async () => {
    const bundled = openCollection(whole);
    const { load } = countingLoader();
    const collection = sharded(load, { residentShards: 1 });
    for (const each of REQUESTS) expect(await collection.search(each)).toEqual(await bundled.search(each));
    expect(await collection.record(whole.records[5]?.id as string)).toEqual(whole.records[5]);
  });

  it("fails the build when one key's postings pass the asset file limit, naming the key and the setting", async () => {
    await expect(build(root, testLimits({ sharding: "always", assetFileBytes: 1500 }))).rejects.toThrow(
      /postings file .*postings-\d+\.json \(from key ".+"\) is \d+ bytes, over the 1500-byte asset file limit; raise PQSEARCH_ASSET_FILE_LIMIT/,
    );
  });

  it("refuses a head built in another format, telling the user to rebuild", () => {
    expect(() => sharded(countingLoader().load, { shardFormatVersion: 99 })).toThrow(/rebuild with npm run build/);
  });
});
