/**
 * Stage 6b, shard: when the collection is too big for one Worker bundle, split it into a small
 * head (bundled) and static-asset files: each field's index packed into files under the asset
 * size limit, and the records in fixed-size shards so a lookup fetches only one.
 */
import type { CompiledCollection } from "../../src/engine/compiled";
import {
  ASSET_PREFIX,
  type RecordSkeletons,
  SHARD_FORMAT_VERSION,
  type ShardedHead,
} from "../../src/engine/shard-layout";
import type { AnsweringMember, Member } from "../../src/schema/member";

export interface ShardOptions {
  recordsPerShard: number;
  /** Largest asset file, raw bytes. */
  assetFileBytes: number;
  residentShards?: number;
}

export interface ShardedOutput {
  head: ShardedHead;
  /** Asset path (relative to the assets directory) → file contents. */
  files: Map<string, string>;
}

function skeletonsOf(collection: CompiledCollection): RecordSkeletons {
  const members: Array<Member | AnsweringMember> = [];
  const memberCode = new Map<string, number>();
  const codeOf = (member: Member | AnsweringMember) => {
    const key = JSON.stringify(member);
    let code = memberCode.get(key);
    if (code === undefined) {
      code = members.push(member) - 1;
      memberCode.set(key, code);
    }
    return code;
  };
  const { records } = collection;
  return {
    ids: records.map((record) => record.id),
    house: records.map((record) => record.house),
    askingMember: records.map((record) => codeOf(record.askingMember)),
    answered: records.map((record) => record.answered),
    dateTabled: records.map((record) => record.dateTabled),
    answeringMember: records.map((record) =>
      record.answer?.answeringMember ? codeOf(record.answer.answeringMember) : -1,
    ),
    dateAnswered: records.map((record) => record.answer?.dateAnswered ?? null),
    members,
  };
}

/** Packs a field's chunks greedily into files no larger than the limit. */
function packChunks(
  field: string,
  chunks: CompiledCollection["fieldIndexes"][string],
  limit: number,
  path: (part: number) => string,
  files: Map<string, string>,
): string[] {
  const paths: string[] = [];
  let pending: string[] = [];
  let pendingBytes = 2;
  const flush = () => {
    if (pending.length === 0) return;
    const name = path(paths.length);
    files.set(name, `[${pending.join(",")}]`);
    paths.push(name);
    pending = [];
    pendingBytes = 2;
  };
  for (const chunk of chunks) {
    const json = JSON.stringify(chunk);
    const bytes = Buffer.byteLength(json) + 1;
    if (bytes + 2 > limit)
      throw new Error(
        `pqsearch: one chunk of the ${field} index is ${bytes} bytes, more than the ${limit}-byte asset file limit; raise PQSEARCH_ASSET_FILE_LIMIT (Cloudflare allows 25 MiB)`,
      );
    if (pendingBytes + bytes > limit) flush();
    pending.push(json);
    pendingBytes += bytes;
  }
  flush();
  return paths;
}

export function shardCollection(collection: CompiledCollection, options: ShardOptions): ShardedOutput {
  const { buildId } = collection.meta;
  const base = `${ASSET_PREFIX}/${buildId}`;
  const files = new Map<string, string>();

  const indexFiles: Record<string, string[]> = {};
  for (const [field, chunks] of Object.entries(collection.fieldIndexes)) {
    indexFiles[field] = packChunks(
      field,
      chunks,
      options.assetFileBytes,
      (part) => `${base}/index-${field}-${part}.json`,
      files,
    );
  }

  const tablesFile = `${base}/tables.json`;
  const { keys, keyDf, fieldLengths, vocabulary, synonyms } = collection;
  const tables = JSON.stringify({ keys, keyDf, fieldLengths, vocabulary, synonyms });
  if (Buffer.byteLength(tables) > options.assetFileBytes)
    throw new Error(
      `pqsearch: the search tables file is ${Buffer.byteLength(tables)} bytes, over the ${options.assetFileBytes}-byte asset file limit; raise PQSEARCH_ASSET_FILE_LIMIT (Cloudflare allows 25 MiB)`,
    );
  files.set(tablesFile, tables);

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

  const head: ShardedHead = {
    layout: "sharded",
    shardFormatVersion: SHARD_FORMAT_VERSION,
    formatVersion: collection.formatVersion,
    meta: collection.meta,
    facetValues: collection.facetValues,
    facetCodes: collection.facetCodes,
    dateOrder: collection.dateOrder,
    skeletons: skeletonsOf(collection),
    indexFiles,
    tablesFile,
    recordsPerShard: options.recordsPerShard,
    recordFiles,
    residentShards: options.residentShards ?? 16,
  };
  return { head, files };
}
