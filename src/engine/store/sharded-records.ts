/**
 * A sharded collection's records: the head (bundled) holds the answer dates; ids, UINs and tabling
 * dates are asset files fetched the first time a request needs them; the records themselves are in
 * fixed-size shards, fetched only for the records a request returns or re-reads and kept in a
 * small LRU (about 2,048 records), which bounds an isolate's memory.
 */
import type { QuestionRecord } from "../../schema/record";
import type { AssetLoader } from "./asset-loader";
import type { ColumnName, RecordStore } from "./record-store";
import type { ShardedHead } from "./shard-layout";
import { SharedFetches } from "./shared-fetches";

export class ShardedStore implements RecordStore {
  /** Resident shards, least recently used first (a Map keeps insertion order). */
  private readonly resident = new Map<number, QuestionRecord[]>();
  private readonly shardFetches = new SharedFetches<number, QuestionRecord[]>();
  private readonly columnFetches = new SharedFetches<string, Array<string | null>>();
  /** Built on the first lookup by id: searches and listings never need the ids. */
  private docById: Map<string, number> | null = null;

  constructor(
    private readonly head: ShardedHead,
    private readonly load: AssetLoader,
  ) {}

  column(name: ColumnName): Promise<ReadonlyArray<string | null>> {
    if (name === "dateAnswered") return Promise.resolve(this.head.skeletons.dateAnswered);
    return this.columnFile(name === "uin" ? this.head.columnFiles.uins : this.head.columnFiles.dateTabled);
  }

  /** Fetches the shards holding `docs` that are not resident, all at once. */
  async records(docs: readonly number[]): Promise<QuestionRecord[]> {
    const per = this.head.recordsPerShard;
    const shards = [...new Set(docs.map((doc) => Math.floor(doc / per)))];
    const loaded = await Promise.all(shards.map((shard) => this.shard(shard)));
    const byShard = new Map(shards.map((shard, at) => [shard, loaded[at] as QuestionRecord[]]));
    this.keepResident(byShard);
    return docs.map((doc) => (byShard.get(Math.floor(doc / per)) as QuestionRecord[])[doc % per] as QuestionRecord);
  }

  /** Fetches the record ids once per isolate; a lookup then fetches exactly one shard. */
  async docOf(id: string): Promise<number | undefined> {
    if (!this.docById) {
      const ids = await this.columnFile(this.head.columnFiles.ids);
      this.docById ??= new Map(ids.map((each, doc) => [each as string, doc]));
    }
    return this.docById.get(id);
  }

  private columnFile(path: string): Promise<Array<string | null>> {
    return this.columnFetches.get(path, () => this.load(path) as Promise<Array<string | null>>);
  }

  private shard(shard: number): Promise<QuestionRecord[]> {
    const resident = this.resident.get(shard);
    if (resident) return Promise.resolve(resident);
    const path = this.head.recordFiles[shard];
    if (path === undefined) return Promise.reject(new Error(`pqsearch: no record shard ${shard}`));
    return this.shardFetches.get(shard, () => this.load(path) as Promise<QuestionRecord[]>);
  }

  /**
   * Marks shards as just used, dropping the least recently used beyond the budget — never one of
   * `used`, however many a request needs. The records returned stay valid whatever is dropped.
   */
  private keepResident(used: ReadonlyMap<number, QuestionRecord[]>): void {
    for (const [shard, records] of used) {
      this.resident.delete(shard);
      this.resident.set(shard, records);
    }
    const limit = Math.max(this.head.residentShards, used.size);
    for (const shard of this.resident.keys()) {
      if (this.resident.size <= limit) break;
      if (!used.has(shard)) this.resident.delete(shard);
    }
  }
}
