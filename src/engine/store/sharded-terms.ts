/**
 * A sharded collection's term index: the search tables (keys, document frequencies, field lengths,
 * vocabulary, synonyms) are fetched by the first search or suggestion and the index built with
 * every field index empty; each search then imports the postings files holding the keys its plan
 * names that this isolate has not imported yet. Imported postings stay for the isolate's life.
 */
import type { SearchTables } from "../compiled";
import { PAIR_INDEX } from "../phrase-pairs";
import { TermIndex } from "../term-index";
import type { AssetLoader } from "./asset-loader";
import type { TermSource } from "./record-store";
import { type PostingsFile, postingsFileOf, type ShardedHead } from "./shard-layout";
import { SharedFetches } from "./shared-fetches";

export class ShardedTerms implements TermSource {
  private built: TermIndex | null = null;
  private readonly tables = new SharedFetches<string, TermIndex>();
  /** Postings files (by position in `head.postingsFiles`) already imported into the index. */
  private readonly imported = new Set<number>();
  private readonly postingsFetches = new SharedFetches<number, void>();

  constructor(
    private readonly head: ShardedHead,
    private readonly load: AssetLoader,
  ) {}

  ready(): TermIndex | null {
    return this.built;
  }

  async index(): Promise<TermIndex> {
    if (this.built) return this.built;
    const { head } = this;
    return this.tables.get(head.tablesFile, async () => {
      const tables = (await this.load(head.tablesFile)) as SearchTables;
      const fieldNames = head.indexNames.filter((name) => name !== PAIR_INDEX);
      this.built ??= new TermIndex(tables, head.meta.records, {
        fieldIndexes: Object.fromEntries(fieldNames.map((name) => [name, []])),
        phraseIndex: [],
      });
      return this.built;
    });
  }

  loadPostings(index: TermIndex, keys: readonly string[]): Promise<void> | null {
    const { postingsFiles, postingsFirstKeys } = this.head;
    if (postingsFiles.length === 0) return null;
    const wanted = new Set(keys.map((key) => postingsFileOf(postingsFirstKeys, key)));
    const pending: Array<Promise<void>> = [];
    for (const file of wanted) {
      if (this.imported.has(file)) continue;
      pending.push(
        this.postingsFetches.get(file, async () => {
          const postings = (await this.load(postingsFiles[file] as string)) as PostingsFile;
          for (const [indexName, entries] of Object.entries(postings)) index.importPostings(indexName, entries);
          this.imported.add(file);
        }),
      );
    }
    return pending.length === 0 ? null : Promise.all(pending).then(() => undefined);
  }
}
