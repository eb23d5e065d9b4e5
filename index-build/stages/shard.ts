/**
 * Stage 6b, shard: when the collection is too big for one Worker bundle, split it into a small
 * head (bundled) and static-asset files: the indexes' postings partitioned by key, so a search
 * fetches only the files holding its keys, and the records in fixed-size shards so a lookup
 * fetches only one.
 */
import type { CompiledCollection } from "../../src/engine/compiled";
import type { SerializedFieldIndex } from "../../src/engine/flex";
import { PAIR_INDEX } from "../../src/engine/phrase-pairs";
import {
  ASSET_PREFIX,
  type ColumnFiles,
  SHARD_FORMAT_VERSION,
  type ShardedHead,
} from "../../src/engine/store/shard-layout";

export interface ShardOptions {
  recordsPerShard: number;
  /** Largest asset file, raw bytes. */
  assetFileBytes: number;
  residentShards?: number;
  /** Raw bytes a postings file grows to before the next starts (one key's postings may exceed it). */
  postingsFileBytes: number;
}

/**
 * Small enough that a query's first answer parses little more than the postings of its own keys;
 * large enough that the number of files (fetches, and Cloudflare's per-deployment file count)
 * stays modest: ~100 files for the 25 MiB index of 50,000 records.
 */
export const DEFAULT_POSTINGS_FILE_BYTES = 256 * 1024;

/** Records per related-questions file: about 40 bytes a record, so a file is some 80 KB. */
const RELATED_PER_FILE = 2048;

/** Records an isolate keeps parsed (a few MB), whatever the shard size. */
const RESIDENT_RECORDS = 2048;

export interface ShardedOutput {
  head: ShardedHead;
  /** Asset path (relative to the assets directory) → file contents. */
  files: Map<string, string>;
}

/** The distinct answer dates by rank (`dateOrder`'s ranks: compile.ts sorts them). */
function answerDatesOf(collection: CompiledCollection): string[] {
  const dates: string[] = [];
  collection.records.forEach((record, doc) => {
    if (record.answer) dates[collection.dateOrder[doc] as number] = record.answer.dateAnswered;
  });
  return dates;
}

/**
 * A field index's postings: the entries of its `map` chunks. The engine reads only that map
 * (`postingsOf` in flex.ts); `reg` (FlexSearch's registry of documents, used by its own search and
 * removal, which we never call) is left out. Any other kind means the FlexSearch configuration
 * changed (e.g. `context: true`), which this layout does not carry, so the build says so.
 */
function postingsEntries(name: string, chunks: SerializedFieldIndex): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [key, data] of chunks) {
    const kind = key.split(".").pop();
    if (kind === "map") for (const entry of data as Array<[string, unknown]>) entries.push(entry);
    else if (kind !== "reg")
      throw new Error(
        `pqsearch: the ${name} index exported a "${kind}" chunk, which the sharded layout does not carry; update index-build/stages/shard.ts`,
      );
  }
  return entries;
}

/**
 * Regroups every index's postings by key into files of about `targetBytes`: keys sorted (UTF-16
 * order, as the Worker compares them), each key's entries from all indexes in the same file, so
 * a query fetches one file per distinct key range it touches. Prefix completions and corrections
 * share leading letters, so they mostly land in the same file as the word typed.
 */
function partitionPostings(
  entriesByIndex: Record<string, Array<[key: string, data: unknown]>>,
  options: { targetBytes: number; limit: number },
  path: (part: number) => string,
  files: Map<string, string>,
): Pick<ShardedHead, "indexNames" | "postingsFiles" | "postingsFirstKeys"> {
  const indexNames = Object.keys(entriesByIndex);
  const byKey = new Map<string, Array<[index: number, json: string]>>();
  indexNames.forEach((name, index) => {
    for (const entry of entriesByIndex[name] as Array<[string, unknown]>) {
      let held = byKey.get(entry[0]);
      if (!held) {
        held = [];
        byKey.set(entry[0], held);
      }
      held.push([index, JSON.stringify(entry)]);
    }
  });
  const keys = [...byKey.keys()].sort();
  const postingsFiles: string[] = [];
  const postingsFirstKeys: string[] = [];
  let pending: string[][] = indexNames.map(() => []);
  let pendingBytes = 0;
  let firstKey: string | null = null;
  const flush = () => {
    if (firstKey === null) return;
    const name = path(postingsFiles.length);
    const parts = indexNames
      .map((index, at) => [index, pending[at] as string[]] as const)
      .filter(([, entries]) => entries.length > 0)
      .map(([index, entries]) => `${JSON.stringify(index)}:[${entries.join(",")}]`);
    const contents = `{${parts.join(",")}}`;
    if (Buffer.byteLength(contents) > options.limit)
      throw new Error(
        `pqsearch: postings file ${name} (from key ${JSON.stringify(firstKey)}) is ${Buffer.byteLength(contents)} bytes, over the ${options.limit}-byte asset file limit; raise PQSEARCH_ASSET_FILE_LIMIT (Cloudflare allows 25 MiB)`,
      );
    files.set(name, contents);
    postingsFiles.push(name);
    postingsFirstKeys.push(firstKey);
    pending = indexNames.map(() => []);
    pendingBytes = 0;
    firstKey = null;
  };
  for (const key of keys) {
    const held = byKey.get(key) as Array<[number, string]>;
    const bytes = held.reduce((sum, [, json]) => sum + Buffer.byteLength(json) + 1, 0);
    if (pendingBytes > 0 && pendingBytes + bytes > options.targetBytes) flush();
    firstKey ??= key;
    for (const [index, json] of held) (pending[index] as string[]).push(json);
    pendingBytes += bytes;
  }
  flush();
  return { indexNames, postingsFiles, postingsFirstKeys };
}

export function shardCollection(collection: CompiledCollection, options: ShardOptions): ShardedOutput {
  const { buildId } = collection.meta;
  const base = `${ASSET_PREFIX}/${buildId}`;
  const files = new Map<string, string>();

  const entries: Record<string, Array<[string, unknown]>> = {};
  for (const [name, chunks] of Object.entries(collection.fieldIndexes)) entries[name] = postingsEntries(name, chunks);
  entries[PAIR_INDEX] = collection.phraseIndex;
  const postings = partitionPostings(
    entries,
    { targetBytes: options.postingsFileBytes, limit: options.assetFileBytes },
    (part) => `${base}/postings-${part}.json`,
    files,
  );

  const tablesFile = `${base}/tables.json`;
  const { keys, keyDf, keyFacets, keyTops, fieldLengths, vocabulary, synonyms } = collection;
  const tables = JSON.stringify({ keys, keyDf, keyFacets, keyTops, fieldLengths, vocabulary, synonyms });
  if (Buffer.byteLength(tables) > options.assetFileBytes)
    throw new Error(
      `pqsearch: the search tables file is ${Buffer.byteLength(tables)} bytes, over the ${options.assetFileBytes}-byte asset file limit; raise PQSEARCH_ASSET_FILE_LIMIT (Cloudflare allows 25 MiB)`,
    );
  files.set(tablesFile, tables);

  const columnFiles: ColumnFiles = {
    ids: `${base}/ids.json`,
    uins: `${base}/uins.json`,
    dateTabled: `${base}/date-tabled.json`,
  };
  const { records } = collection;
  files.set(columnFiles.ids, JSON.stringify(records.map((record) => record.id)));
  files.set(columnFiles.uins, JSON.stringify(records.map((record) => record.uin ?? null)));
  files.set(columnFiles.dateTabled, JSON.stringify(records.map((record) => record.dateTabled)));

  const recordFiles: string[] = [];
  for (let start = 0; start < collection.records.length; start += options.recordsPerShard) {
    const name = `${base}/records-${recordFiles.length}.json`;
    const contents = JSON.stringify(collection.records.slice(start, start + options.recordsPerShard));
    if (Buffer.byteLength(contents) > options.assetFileBytes)
      throw new Error(
        `pqsearch: record shard ${name} is ${Buffer.byteLength(contents)} bytes, over the ${options.assetFileBytes}-byte asset file limit; lower PQSEARCH_RECORDS_PER_SHARD`,
      );
    files.set(name, contents);
    recordFiles.push(name);
  }

  const relatedFiles: string[] = [];
  for (let start = 0; start < collection.related.length; start += RELATED_PER_FILE) {
    const name = `${base}/related-${relatedFiles.length}.json`;
    files.set(name, JSON.stringify(collection.related.slice(start, start + RELATED_PER_FILE)));
    relatedFiles.push(name);
  }

  const head: ShardedHead = {
    layout: "sharded",
    shardFormatVersion: SHARD_FORMAT_VERSION,
    formatVersion: collection.formatVersion,
    meta: collection.meta,
    facetValues: collection.facetValues,
    facetCodes: collection.facetCodes,
    dateOrder: collection.dateOrder,
    answerDates: answerDatesOf(collection),
    ...postings,
    tablesFile,
    columnFiles,
    recordsPerShard: options.recordsPerShard,
    recordFiles,
    answerGroups: collection.answerGroups,
    relatedFiles,
    relatedPerFile: RELATED_PER_FILE,
    residentShards: options.residentShards ?? Math.max(16, Math.ceil(RESIDENT_RECORDS / options.recordsPerShard)),
  };
  return { head, files };
}
