/**
 * A sharded collection's records: the head (bundled) holds the answer dates; ids, UINs and tabling
 * dates are asset files fetched the first time a request needs them; the records themselves are in
 * fixed-size shards, fetched only for the records a request returns or re-reads. Two bounded
 * caches keep what was read: the last shards whole (about 2,048 records: a listing's next page is
 * in the same shard), and every record a request asked for, by itself (`KEPT_RECORD_BYTES`). A
 * page of ten hits comes from ten shards, so keeping shards alone would hold the hits of a few
 * hundred searches at most and make warm searches fetch and parse shards again; keeping the
 * records asked for holds the hits of thousands, for the memory of their text.
 */
import type { QuestionRecord } from "../../schema/record";
import type { AssetLoader } from "./asset-loader";
import type { ColumnName, RecordStore } from "./record-store";
import type { ShardedHead } from "./shard-layout";
import { SharedFetches } from "./shared-fetches";

/**
 * What the records asked for may hold, estimated from their texts (a character is a byte in
 * V8's one-byte strings, plus a fixed allowance for the record's objects): 24 MiB, some 15,000
 * generated records, a fifth of an isolate's 128 MB.
 */
export const KEPT_RECORD_BYTES = 24 * 2 ** 20;
const RECORD_OVERHEAD_BYTES = 400;

const sizeOf = (record: QuestionRecord) =>
  RECORD_OVERHEAD_BYTES + record.questionText.length + (record.answer?.text.length ?? 0);

export class ShardedStore implements RecordStore {
  /** Resident shards; the least recently used is dropped first once there are too many. */
  private readonly resident = new Map<number, QuestionRecord[]>();
  /** `lastUsed[shard]`: when the shard was last read (a counter), so a hit costs one array write. */
  private readonly lastUsed: Float64Array;
  private clock = 0;
  private readonly shardFetches = new SharedFetches<number, QuestionRecord[]>();
  private readonly columnFetches = new SharedFetches<string, Array<string | null>>();
  /** Each record's answer date, made from the date ranks on the first request filtering by it. */
  private answered: Array<string | null> | null = null;
  /** Built on the first lookup by id: searches and listings never need the ids. */
  private docById: Map<string, number> | null = null;
  /** Records asked for, least recently asked first (a Map keeps insertion order), within `keptBytes`. */
  private readonly kept = new Map<number, QuestionRecord>();
  private keptSize = 0;

  constructor(
    private readonly head: ShardedHead,
    private readonly load: AssetLoader,
    private readonly keptBytes = KEPT_RECORD_BYTES,
  ) {
    this.lastUsed = new Float64Array(head.recordFiles.length);
  }

  column(name: ColumnName): Promise<ReadonlyArray<string | null>> {
    if (name === "dateAnswered") {
      const { dateOrder, answerDates } = this.head;
      this.answered ??= dateOrder.map((rank) => answerDates[rank] ?? null);
      return Promise.resolve(this.answered);
    }
    return this.columnFile(name === "uin" ? this.head.columnFiles.uins : this.head.columnFiles.dateTabled);
  }

  /** The records, at once when their shards are resident; otherwise after fetching the others, all at once. */
  records(docs: readonly number[]): QuestionRecord[] | Promise<QuestionRecord[]> {
    const per = this.head.recordsPerShard;
    const found = new Array<QuestionRecord>(docs.length);
    const missing = new Set<number>();
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      const kept = this.kept.get(doc);
      if (kept) {
        // Asked for again: now the most recently asked.
        this.kept.delete(doc);
        this.kept.set(doc, kept);
        found[i] = kept;
        continue;
      }
      const shard = Math.floor(doc / per);
      const records = this.resident.get(shard);
      if (records) {
        found[i] = this.keep(doc, records[doc % per] as QuestionRecord);
        this.lastUsed[shard] = ++this.clock;
      } else missing.add(shard);
    }
    if (missing.size === 0) return found;
    const shards = [...missing];
    return Promise.all(shards.map((shard) => this.shard(shard))).then((loaded) => {
      const byShard = new Map(shards.map((shard, at) => [shard, loaded[at] as QuestionRecord[]]));
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const records = byShard.get(Math.floor(doc / per));
        if (records) found[i] = this.keep(doc, records[doc % per] as QuestionRecord);
      }
      this.keepResident(byShard);
      return found;
    });
  }

  /** Keeps a record asked for, dropping the least recently asked beyond the budget. */
  private keep(doc: number, record: QuestionRecord): QuestionRecord {
    if (this.kept.has(doc)) return record;
    this.kept.set(doc, record);
    this.keptSize += sizeOf(record);
    while (this.keptSize > this.keptBytes && this.kept.size > 1) {
      const [oldest, dropped] = this.kept.entries().next().value as [number, QuestionRecord];
      this.kept.delete(oldest);
      this.keptSize -= sizeOf(dropped);
    }
    return record;
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
    const path = this.head.recordFiles[shard];
    if (path === undefined) return Promise.reject(new Error(`pqsearch: no record shard ${shard}`));
    return this.shardFetches.get(shard, () => this.load(path) as Promise<QuestionRecord[]>);
  }

  /**
   * Makes fetched shards resident, dropping the least recently used beyond the budget — never one
   * of `fetched`, however many a request needs. The records returned stay valid whatever is dropped.
   */
  private keepResident(fetched: ReadonlyMap<number, QuestionRecord[]>): void {
    for (const [shard, records] of fetched) {
      this.resident.set(shard, records);
      this.lastUsed[shard] = ++this.clock;
    }
    const limit = Math.max(this.head.residentShards, fetched.size);
    while (this.resident.size > limit) {
      let oldest = -1;
      for (const shard of this.resident.keys())
        if (!fetched.has(shard) && (oldest < 0 || (this.lastUsed[shard] as number) < (this.lastUsed[oldest] as number)))
          oldest = shard;
      this.resident.delete(oldest);
    }
  }
}
