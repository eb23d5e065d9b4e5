/**
 * Serves a sharded collection: the head is bundled and hydrated at module scope; the search
 * tables are fetched on the first search or listing, and each search first fetches only the
 * postings files holding the keys it will look up (kept for the isolate's life); record shards
 * are fetched when a record's text is first needed and kept in a small LRU.
 *
 * The engine runs over "skeleton" records holding the small fields (id, house, members, dates)
 * that filters and sorts read. Reading a skeleton's text (question, answer, heading, …) notes
 * the document as missing; after a search or listing, the missing documents' shards are loaded,
 * their full records put in place, and the call runs again — so the engine is used unchanged,
 * and only the shards of records it actually returns (or reads) are ever fetched.
 */
import type { Filters } from "../schema/query";
import type { QuestionRecord } from "../schema/record";
import { COMPILED_FORMAT_VERSION } from "./compiled";
import { type ListResult, SearchEngine, type SearchRequest, type SearchResult } from "./engine";
import { PAIR_INDEX } from "./phrase-pairs";
import {
  type PostingsFile,
  postingsFileOf,
  type SearchTables,
  SHARD_FORMAT_VERSION,
  type ShardedHead,
} from "./shard-layout";
import { type LoadedColumns, skeletonDocOf, skeletonRecords } from "./skeletons";
import type { Suggestion } from "./suggest";

/** Fetches an asset by its path and returns its parsed JSON; rejects with `AssetUnavailableError`. */
export type AssetLoader = (path: string) => Promise<unknown>;

/**
 * A sharded collection's asset file could not be read. Nothing is cached from the failed
 * attempt, so the same request may succeed when retried (the API answers 503 with Retry-After).
 */
export class AssetUnavailableError extends Error {
  override name = "AssetUnavailableError";
}

export class ShardedCollection {
  readonly meta: ShardedHead["meta"];
  private readonly head: ShardedHead;
  private readonly missing = new Set<number>();
  /** Skeletons, with full records swapped in while their shard is resident; the engine reads this array. */
  private readonly records: QuestionRecord[];
  private readonly skeletons: QuestionRecord[];
  /** Built on the first record lookup: searches and listings find skeletons' documents without it. */
  private docByIdMap: Map<string, number> | null = null;
  /** Resident shards, least recently used first (Map keeps insertion order). */
  private readonly resident = new Map<number, QuestionRecord[]>();
  private readonly pendingShards = new Map<number, Promise<QuestionRecord[]>>();
  private enginePromise: Promise<SearchEngine> | null = null;
  private readonly columns: LoadedColumns = { ids: null, uins: null, dateTabled: null };
  private readonly pendingColumns = new Map<keyof LoadedColumns, Promise<void>>();
  /** Postings files (by position in `head.postingsFiles`) already imported into the engine. */
  private readonly importedPostings = new Set<number>();
  private readonly pendingPostings = new Map<number, Promise<void>>();

  constructor(head: ShardedHead) {
    if (head.shardFormatVersion !== SHARD_FORMAT_VERSION || head.formatVersion !== COMPILED_FORMAT_VERSION) {
      throw new Error(
        `pqsearch: sharded collection has format ${head.shardFormatVersion}/${head.formatVersion}, this Worker reads ${SHARD_FORMAT_VERSION}/${COMPILED_FORMAT_VERSION}; rebuild with npm run build`,
      );
    }
    this.head = head;
    this.meta = head.meta;
    this.skeletons = skeletonRecords(head, this.missing, this.columns);
    this.records = [...this.skeletons];
  }

  get size(): number {
    return this.records.length;
  }

  /** Loads the record ids (once per isolate) and only the shard holding the record; no index. */
  async record(id: string, load: AssetLoader): Promise<QuestionRecord | undefined> {
    await this.column("ids", load);
    this.docByIdMap ??= new Map((this.columns.ids as string[]).map((id, doc) => [id, doc]));
    const doc = this.docByIdMap.get(id);
    if (doc === undefined) return undefined;
    const shard = Math.floor(doc / this.head.recordsPerShard);
    const records = await this.fetchShard(shard, load);
    this.install(new Map([[shard, records]]));
    return records[doc % this.head.recordsPerShard];
  }

  /** Fetches the postings files holding the query's keys (only those), then searches. */
  async search(request: SearchRequest, load: AssetLoader): Promise<SearchResult> {
    const engine = await this.engine(load);
    await Promise.all([this.loadPostings(engine, engine.plannedKeys(request.q), load), this.columnsFor(request, load)]);
    return this.untilComplete(() => engine.search(request), load);
  }

  /** Needs the search tables (for the engine) but no postings: filters read the head and columns. */
  async list(filters: Filters, limit: number, offset: number, load: AssetLoader): Promise<ListResult> {
    const [engine] = await Promise.all([this.engine(load), this.columnsFor(filters, load)]);
    return this.untilComplete(
      () => engine.list(filters, limit, offset),
      load,
      (result) => result.records,
    );
  }

  async suggest(q: string, limit: number, load: AssetLoader): Promise<Suggestion[]> {
    return (await this.engine(load)).suggest(q, limit);
  }

  /**
   * The engine over the search tables, with every index empty, fetched once per isolate; a
   * failed fetch is retried by the next call.
   */
  private engine(load: AssetLoader): Promise<SearchEngine> {
    this.enginePromise ??= this.hydrate(load).catch((error) => {
      this.enginePromise = null;
      throw error;
    });
    return this.enginePromise;
  }

  private async hydrate(load: AssetLoader): Promise<SearchEngine> {
    const { head } = this;
    const [tables] = await Promise.all([load(head.tablesFile) as Promise<SearchTables>, this.column("ids", load)]);
    return new SearchEngine({
      ...tables,
      formatVersion: head.formatVersion,
      meta: head.meta,
      records: this.records,
      facetValues: head.facetValues,
      facetCodes: head.facetCodes,
      dateOrder: head.dateOrder,
      fieldIndexes: Object.fromEntries(head.indexNames.filter((name) => name !== PAIR_INDEX).map((name) => [name, []])),
      phraseIndex: [],
    });
  }

  /** The columns the filters read that the head lacks. */
  private async columnsFor(filters: Filters, load: AssetLoader): Promise<void> {
    await Promise.all([
      filters.uin?.length ? this.column("uins", load) : null,
      filters.tabledFrom !== undefined || filters.tabledTo !== undefined ? this.column("dateTabled", load) : null,
    ]);
  }

  /** Fetches a column once per isolate; a failed fetch is forgotten, so the next call retries. */
  private column(name: keyof LoadedColumns, load: AssetLoader): Promise<void> {
    if (this.columns[name]) return Promise.resolve();
    let pending = this.pendingColumns.get(name);
    if (!pending) {
      pending = (async () => {
        this.columns[name] = (await load(this.head.columnFiles[name])) as string[];
      })().finally(() => this.pendingColumns.delete(name));
      this.pendingColumns.set(name, pending);
    }
    return pending;
  }

  /**
   * Imports the postings files holding `keys` that this isolate has not imported yet. Files stay
   * for the isolate's life; concurrent searches share one fetch per file, and a failed fetch is
   * forgotten so the next search tries again.
   */
  private async loadPostings(engine: SearchEngine, keys: string[], load: AssetLoader): Promise<void> {
    const { postingsFiles, postingsFirstKeys } = this.head;
    if (postingsFiles.length === 0) return;
    const wanted = new Set(keys.map((key) => postingsFileOf(postingsFirstKeys, key)));
    const pending: Array<Promise<void>> = [];
    for (const file of wanted) {
      if (this.importedPostings.has(file)) continue;
      let fetching = this.pendingPostings.get(file);
      if (!fetching) {
        fetching = (async () => {
          const postings = (await load(postingsFiles[file] as string)) as PostingsFile;
          for (const [indexName, entries] of Object.entries(postings)) engine.importPostings(indexName, entries);
          this.importedPostings.add(file);
        })().finally(() => this.pendingPostings.delete(file));
        this.pendingPostings.set(file, fetching);
      }
      pending.push(fetching);
    }
    await Promise.all(pending);
  }

  /**
   * Runs `call` until it reads no skeleton's text and returns no skeleton. Every shard a call
   * needed stays pinned until it completes, and loading happens before the synchronous re-run,
   * so neither this call's later rounds nor another request can evict a shard in between.
   */
  private async untilComplete<T>(
    call: () => T,
    load: AssetLoader,
    returned: (result: T) => QuestionRecord[] = () => [],
  ): Promise<T> {
    const pinned = new Map<number, QuestionRecord[]>();
    for (let round = 0; round <= this.head.recordFiles.length; round++) {
      this.missing.clear();
      const result = call();
      for (const record of returned(result)) {
        const doc = skeletonDocOf(record);
        if (doc !== undefined) this.missing.add(doc);
      }
      if (this.missing.size === 0) return result;
      const shards = [...new Set([...this.missing].map((doc) => Math.floor(doc / this.head.recordsPerShard)))];
      const loaded = await Promise.all(shards.map((shard) => this.fetchShard(shard, load)));
      shards.forEach((shard, at) => {
        pinned.set(shard, loaded[at] as QuestionRecord[]);
      });
      this.install(pinned);
    }
    throw new Error("pqsearch: the engine kept reading records that were just loaded");
  }

  private fetchShard(shard: number, load: AssetLoader): Promise<QuestionRecord[]> {
    const resident = this.resident.get(shard);
    if (resident) return Promise.resolve(resident);
    let pending = this.pendingShards.get(shard);
    if (!pending) {
      const path = this.head.recordFiles[shard];
      if (path === undefined) throw new Error(`pqsearch: no record shard ${shard}`);
      pending = (load(path) as Promise<QuestionRecord[]>).finally(() => this.pendingShards.delete(shard));
      this.pendingShards.set(shard, pending);
    }
    return pending;
  }

  /** Puts shards' full records in place, evicting the least recently used beyond the budget. */
  private install(shards: Map<number, QuestionRecord[]>): void {
    const per = this.head.recordsPerShard;
    for (const [shard, records] of shards) {
      this.resident.delete(shard);
      this.resident.set(shard, records);
      records.forEach((record, at) => {
        this.records[shard * per + at] = record;
      });
    }
    const limit = Math.max(this.head.residentShards, shards.size);
    for (const shard of this.resident.keys()) {
      if (this.resident.size <= limit) break;
      if (shards.has(shard)) continue;
      this.resident.delete(shard);
      for (let doc = shard * per; doc < Math.min((shard + 1) * per, this.records.length); doc++)
        this.records[doc] = this.skeletons[doc] as QuestionRecord;
    }
  }
}
