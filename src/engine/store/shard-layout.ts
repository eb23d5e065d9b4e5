/**
 * The sharded layout: what the build bundles into the Worker when a collection is too big for one
 * script. The bundle keeps only the "head" (meta, facet codes, sort keys and the small per-record
 * columns); the search tables, the FlexSearch postings and the full records live in Workers Static
 * Assets files that the Worker fetches on demand (sharded-records.ts, sharded-terms.ts).
 */
import type { FacetName } from "../../schema/facets";
import type { Meta } from "../../schema/meta";
import type { CompiledAnswerGroup } from "../compiled";

/** Bumped whenever the head or the asset files change shape; loading refuses any other version. */
export const SHARD_FORMAT_VERSION = 6;

/** Where the build writes asset files, relative to the assets directory; the build id keeps deployments apart. */
export const ASSET_PREFIX = "pqsearch";

/**
 * Per-record columns kept out of the bundle, each an asset file holding one value per document:
 * `ids`, fetched by the first lookup of a record by id (searches and listings return whole records
 * and need none); `uins` and `dateTabled`, fetched only by the first request filtering on them
 * (few do, and without them such a filter would read every record's shard).
 */
export interface ColumnFiles {
  ids: string;
  uins: string;
  dateTabled: string;
}

export interface ShardedHead {
  layout: "sharded";
  shardFormatVersion: number;
  /** The engine's own format version, so a head built for another engine is refused too. */
  formatVersion: number;
  meta: Meta;
  facetValues: Record<FacetName, string[]>;
  facetCodes: Record<FacetName, number[]>;
  dateOrder: number[];
  /**
   * The collection's answer dates, one per date rank: record `doc` was answered on
   * `answerDates[dateOrder[doc]]` (none where its rank is past the end: unanswered). A few thousand
   * dates instead of a date per record: at 50,000 records the head was 2.3 MB, 0.6 MB of it dates,
   * parsed at module scope.
   */
  answerDates: string[];
  /** Every index of `fieldIndexes` and the phrase-pair index, by name; their postings live in `postingsFiles`. */
  indexNames: string[];
  /**
   * Postings, partitioned by key: file `i` holds every index's entries for the keys from
   * `postingsFirstKeys[i]` up to (not including) `postingsFirstKeys[i + 1]`, in UTF-16 order, so a
   * search fetches only the files holding the keys it looks up.
   */
  postingsFiles: string[];
  postingsFirstKeys: string[];
  /** The asset file holding the collection's `SearchTables` (compiled.ts). */
  tablesFile: string;
  /** The asset files of the columns fetched on demand (see `ColumnFiles`). */
  columnFiles: ColumnFiles;
  /** Record `doc` lives in `recordFiles[Math.floor(doc / recordsPerShard)]`, at `doc % recordsPerShard`. */
  recordsPerShard: number;
  recordFiles: string[];
  /** Answer groups are small (only records sharing an answer), so the head carries them. */
  answerGroups: CompiledAnswerGroup[];
  /** Record `doc`'s related questions are in `relatedFiles[Math.floor(doc / relatedPerFile)]`, at `doc % relatedPerFile`. */
  relatedFiles: string[];
  relatedPerFile: number;
  /** How many record shards an isolate keeps parsed at once; older ones are dropped. */
  residentShards: number;
}

/** One postings file: per index name, FlexSearch `map` entries (`[key, buckets]`) ready to import. */
export type PostingsFile = Record<string, Array<[key: string, buckets: unknown]>>;

/** Which postings file holds `key`: the last whose first key is not after it (a binary search). */
export function postingsFileOf(firstKeys: readonly string[], key: string): number {
  let low = 0;
  let high = firstKeys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((firstKeys[middle] as string) <= key) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
}

export function isShardedHead(value: unknown): value is ShardedHead {
  return typeof value === "object" && value !== null && (value as { layout?: unknown }).layout === "sharded";
}
