/**
 * The compiled collection: everything the build hands the Worker. Facet values, sort keys and
 * member names are resolved here, at build time, so a request only looks them up.
 */
import type { FacetName } from "../schema/facets";
import type { Meta } from "../schema/meta";
import type { QuestionRecord } from "../schema/record";
import type { SerializedFieldIndex } from "./field-index";
import type { KeyFacetList } from "./key-facets";
import type { KeyTopList } from "./key-tops";
import type { PhrasePairs } from "./phrase-pairs";
import type { CompiledSynonymGroup } from "./synonyms";
import type { CompiledVocabulary } from "./vocabulary";

/** Bumped whenever the layout below changes; hydration refuses any other version. */
export const COMPILED_FORMAT_VERSION = 8;

export interface CompiledCollection {
  formatVersion: number;
  meta: Meta;
  /** In source order; a record's position here is its document number in every index. */
  records: QuestionRecord[];
  /** For each facet, its distinct values, sorted; records point into these lists. */
  facetValues: Record<FacetName, string[]>;
  /** `facetCodes[facet][doc]`: index into `facetValues[facet]`, or -1 where the record has none. */
  facetCodes: Record<FacetName, number[]>;
  /** `dateOrder[doc]`: rank of the record by dateAnswered, oldest first; unanswered rank last. */
  dateOrder: number[];
  /** Serialised FlexSearch index per searchable field, keyed by field name. */
  fieldIndexes: Record<string, SerializedFieldIndex>;
  /** Records per adjacent stem pair, for quoted phrases (see phrase-pairs.ts). */
  phraseIndex: PhrasePairs;
  /**
   * Every key the field indexes hold but the proximity pairs (stems, joined stems, synonym group
   * keys), sorted by UTF-16 code unit. The pairs are most keys (~195,000 of ~198,000 at 50,000
   * records) and are only ever looked up whole, their rarity read from their postings: a sharded
   * isolate's first search then parses a fifth of what it did (proximity.ts).
   */
  keys: string[];
  /** `keyDf[k]`: records holding `keys[k]` in any field, for ranking by rarity. */
  keyDf: number[];
  /** Facet counts of the keys held by the most records, ranked (key-facets.ts). */
  keyFacets: KeyFacetList[];
  /** The best records of the keys held by the most records, ranked (key-tops.ts). */
  keyTops: KeyTopList[];
  /** `fieldLengths[field][doc]`: words in that field of that record, for length normalisation. */
  fieldLengths: Record<string, number[]>;
  /** Words for typo correction, prefix completion and suggestions. */
  vocabulary: CompiledVocabulary;
  /** Synonym groups, so a query reads variants exactly as the build indexed them. */
  synonyms: CompiledSynonymGroup[];
  /** Groups of two or more records given the same answer, largest first. */
  answerGroups: CompiledAnswerGroup[];
  /** `related[doc]`: the record's related questions (index-build/stages/related.ts). */
  related: RelatedList[];
}

/** Records given the same answer (index-build/stages/answer-groups.ts); `docs` in source order. */
export interface CompiledAnswerGroup {
  id: string;
  docs: number[];
  /** Set when the shared answer is a holding answer. */
  holding?: true;
}

/** A record's related questions, most alike first: [doc, similarity in hundredths]. */
export type RelatedList = Array<[doc: number, similarity: number]>;

/** The ranking and expansion tables the term index reads besides the field indexes' postings. */
export type SearchTables = Pick<
  CompiledCollection,
  "keys" | "keyDf" | "keyFacets" | "keyTops" | "fieldLengths" | "vocabulary" | "synonyms"
>;

/** What every layout carries in memory from the start: the meta and the per-record codes. */
export type CollectionTables = Pick<
  CompiledCollection,
  "meta" | "facetValues" | "facetCodes" | "dateOrder" | "answerGroups"
>;
