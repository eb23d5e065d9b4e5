/**
 * The sharded layout: what the build bundles into the Worker when a collection is too big for one
 * script. The bundle keeps only the "head" (meta, facet codes, sort keys and a skeleton of each
 * record: the small fields filters and sorts read); the FlexSearch indexes and the full records
 * live in Workers Static Assets files that the Worker fetches on demand.
 */
import type { FacetName } from "../schema/facets";
import type { AnsweringMember, Member } from "../schema/member";
import type { Meta } from "../schema/meta";
import type { House } from "../schema/primitives";
import type { CompiledCollection } from "./compiled";

/** Bumped whenever the head or the asset files change shape; loading refuses any other version. */
export const SHARD_FORMAT_VERSION = 2;

/** Where the build writes asset files, relative to the assets directory; the build id keeps deployments apart. */
export const ASSET_PREFIX = "pqsearch";

/** The small per-record fields, column by column; a record's position is its document number. */
export interface RecordSkeletons {
  ids: string[];
  house: House[];
  /** Index into `members`. */
  askingMember: number[];
  answered: boolean[];
  dateTabled: Array<string | null>;
  /** Index into `members`, or -1 where the answer names no one or there is no answer. */
  answeringMember: number[];
  /** Null where unanswered. */
  dateAnswered: Array<string | null>;
  /** Every distinct member, asking or answering, once. */
  members: Array<Member | AnsweringMember>;
}

/** The ranking and expansion tables search needs besides the field indexes; one asset file. */
export type SearchTables = Pick<CompiledCollection, "keys" | "keyDf" | "fieldLengths" | "vocabulary" | "synonyms">;

export interface ShardedHead {
  layout: "sharded";
  shardFormatVersion: number;
  /** The engine's own format version, so a head built for another engine is refused too. */
  formatVersion: number;
  meta: Meta;
  facetValues: Record<FacetName, string[]>;
  facetCodes: Record<FacetName, number[]>;
  dateOrder: number[];
  skeletons: RecordSkeletons;
  /** Per searchable field, the asset files holding its serialised index chunks, in import order. */
  indexFiles: Record<string, string[]>;
  /** The asset file holding the collection's `SearchTables`. */
  tablesFile: string;
  /** Record `doc` lives in `recordFiles[Math.floor(doc / recordsPerShard)]`, at `doc % recordsPerShard`. */
  recordsPerShard: number;
  recordFiles: string[];
  /** How many record shards an isolate keeps parsed at once; older ones are dropped. */
  residentShards: number;
}

export function isShardedHead(value: unknown): value is ShardedHead {
  return typeof value === "object" && value !== null && (value as { layout?: unknown }).layout === "sharded";
}
