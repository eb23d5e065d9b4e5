/**
 * Where a record's related questions (index-build/stages/related.ts) come from: the compiled
 * collection when bundled; when sharded, asset files of `relatedPerFile` records each, fetched the
 * first time one of their records is asked for and kept (five pairs of numbers a record).
 */
import type { RelatedList } from "../compiled";
import type { AssetLoader } from "./asset-loader";
import type { ShardedHead } from "./shard-layout";
import { SharedFetches } from "./shared-fetches";

export interface RelatedSource {
  /** The related questions of record `doc`, most alike first. */
  of(doc: number): Promise<RelatedList>;
}

export class BundledRelated implements RelatedSource {
  constructor(private readonly lists: readonly RelatedList[]) {}

  async of(doc: number): Promise<RelatedList> {
    return this.lists[doc] ?? [];
  }
}

export class ShardedRelated implements RelatedSource {
  private readonly loaded = new Map<number, RelatedList[]>();
  private readonly fetches = new SharedFetches<number, RelatedList[]>();

  constructor(
    private readonly head: ShardedHead,
    private readonly load: AssetLoader,
  ) {}

  async of(doc: number): Promise<RelatedList> {
    const per = this.head.relatedPerFile;
    const file = Math.floor(doc / per);
    let lists = this.loaded.get(file);
    if (!lists) {
      const path = this.head.relatedFiles[file];
      if (path === undefined) return [];
      lists = await this.fetches.get(file, () => this.load(path) as Promise<RelatedList[]>);
      this.loaded.set(file, lists);
    }
    return lists[doc % per] ?? [];
  }
}
