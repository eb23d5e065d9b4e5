/**
 * The term index: everything a query with words reads — the keys and their rarity, the vocabulary
 * for completion and correction, the synonym groups, each key's impact list (from FlexSearch's
 * postings, one per searchable field) and the phrase-pair index. A bundled collection builds it
 * from the compiled module with every posting present; a sharded one from the fetched search
 * tables with every index empty, then imports postings as searches need them.
 */
import type { SearchTables } from "./compiled";
import { type FieldIndex, importFieldIndex, postingsOf, type SerializedFieldIndex } from "./field-index";
import { SEARCH_FIELDS } from "./fields";
import { type FieldPostings, ImpactCache } from "./impacts";
import { PAIR_INDEX, type PhrasePairs } from "./phrase-pairs";
import { inverseDocumentFrequency, lengthFactors } from "./search/score";
import { type KeyLookup, SortedKeys } from "./sorted-keys";
import { SynonymMatcher } from "./synonyms";
import { Vocabulary } from "./vocabulary";

/** The postings a term index starts with: all of them (bundled) or none yet (sharded). */
export interface InitialPostings {
  fieldIndexes: Record<string, SerializedFieldIndex>;
  phraseIndex: PhrasePairs;
}

export class TermIndex {
  readonly keys: readonly string[];
  /** Position of each key in `keys`, which is its number everywhere below. */
  readonly keyPosition: KeyLookup;
  /** `idf[key]`: how rare the key is across the collection. */
  readonly idf: Float64Array;
  /** `keyDf[key]`: records holding the key in any field. */
  readonly keyDf: readonly number[];
  /** The idf of a key no record holds: what a query word matching nothing weighs as missing. */
  readonly maxIdf: number;
  /** Records in the collection. */
  private readonly size: number;
  readonly vocabulary: Vocabulary;
  readonly synonyms: SynonymMatcher;
  readonly impacts: ImpactCache;
  /** The build's facet counts of the commonest keys, as shipped (key-facets.ts). */
  readonly keyFacetLists: SearchTables["keyFacets"];
  /** The build's best records of the commonest keys, as shipped (key-tops.ts). */
  readonly keyTopLists: SearchTables["keyTops"];
  /** Every field's index by its name in `fieldIndexes`, so postings can be added later. */
  private readonly indexes = new Map<string, FieldIndex>();
  private readonly phraseIndex: PhrasePairs;
  /** Records per adjacent stem pair; only quoted phrases read it, so it is built on the first. */
  private pairTable: Map<string, string> | null = null;

  /** @param size records in the collection (document numbers run from 0 to size − 1) */
  constructor(tables: SearchTables, size: number, postings: InitialPostings) {
    const fields: FieldPostings[] = SEARCH_FIELDS.map((field) => {
      const chunks = postings.fieldIndexes[field.name];
      const lengths = tables.fieldLengths[field.name];
      if (!chunks || !lengths) throw new Error(`pqsearch: compiled collection lacks the index for field ${field.name}`);
      const index = importFieldIndex(chunks);
      this.indexes.set(field.name, index);
      return { weight: field.weight, postings: postingsOf(index), lengthFactor: lengthFactors(lengths) };
    });
    this.impacts = new ImpactCache(fields, size);
    this.keys = tables.keys;
    this.keyPosition = new SortedKeys(tables.keys);
    this.keyDf = tables.keyDf;
    // A plain loop: `Float64Array.from` with a mapping function took 106 ms for 200,000 keys.
    this.idf = new Float64Array(tables.keyDf.length);
    for (let key = 0; key < tables.keyDf.length; key++)
      this.idf[key] = inverseDocumentFrequency(tables.keyDf[key] as number, size);
    this.maxIdf = inverseDocumentFrequency(0, size);
    this.size = size;
    this.vocabulary = new Vocabulary(tables.vocabulary);
    this.synonyms = new SynonymMatcher(tables.synonyms);
    this.phraseIndex = postings.phraseIndex;
    this.keyFacetLists = tables.keyFacets;
    this.keyTopLists = tables.keyTops;
  }

  /** The idf of a key held by `df` records (a proximity pair's, from its postings). */
  idfOf(df: number): number {
    return inverseDocumentFrequency(df, this.size);
  }

  /** The records where two stems stand side by side, encoded (doc-sets.ts); undefined if the pair is not stored. */
  pair(key: string): string | undefined {
    return this.pairs.get(key);
  }

  /**
   * Adds a named index's entries — FlexSearch `map` entries for a field, encoded record sets for
   * the phrase pairs — as a sharded collection imports them on demand. A key's entries for every
   * index arrive together (one postings file), so its impact list is never computed half-filled.
   */
  importPostings(indexName: string, entries: ReadonlyArray<[key: string, buckets: unknown]>): void {
    if (indexName === PAIR_INDEX) {
      for (const [key, docs] of entries) this.pairs.set(key, docs as string);
      return;
    }
    const index = this.indexes.get(indexName);
    if (!index) throw new Error(`pqsearch: the engine has no index named ${indexName}`);
    index.import("map", entries);
  }

  private get pairs(): Map<string, string> {
    this.pairTable ??= new Map(this.phraseIndex);
    return this.pairTable;
  }
}
