/**
 * Stage 5, compile: order the records, resolve facet values and sort keys, and build one
 * FlexSearch index per searchable field and the phrase-pair index. Everything a request would
 * otherwise compute is done here.
 */

import { COMPILED_FORMAT_VERSION, type CompiledCollection } from "../../src/engine/compiled";
import { analyseField } from "../../src/engine/field-terms";
import { SEARCH_FIELDS } from "../../src/engine/fields";
import { createFieldIndex, exportFieldIndex } from "../../src/engine/flex";
import { compileKeyFacets, KEY_FACETS_FROM } from "../../src/engine/key-facets";
import { compileKeyTops } from "../../src/engine/key-tops";
import { adjacentPairs } from "../../src/engine/phrase-pairs";
import { isProximityKey } from "../../src/engine/proximity";
import { countFacets } from "../../src/engine/search/facets";
import { Ordering } from "../../src/engine/search/order";
import { stem } from "../../src/engine/stem";
import { type CompiledSynonymGroup, compileSynonymGroups, SynonymMatcher } from "../../src/engine/synonyms";
import { TermIndex } from "../../src/engine/term-index";
import type { CompiledVocabulary } from "../../src/engine/vocabulary";
import { FACET_NAMES, type FacetName } from "../../src/schema/facets";
import type { QuestionRecord } from "../../src/schema/record";
import { compilePhrasePairs } from "./phrase-pairs";

export interface CollectionText {
  title: string;
  description: string;
}

const bySource = (a: QuestionRecord, b: QuestionRecord) => {
  const [sa, sb] = [a.sources[0], b.sources[0]] as [QuestionRecord["sources"][0], QuestionRecord["sources"][0]];
  return sa.file < sb.file ? -1 : sa.file > sb.file ? 1 : sa.line - sb.line;
};

/** The records in source order: a record's position is its document number in every index. */
export function inSourceOrder(records: readonly QuestionRecord[]): QuestionRecord[] {
  return [...records].sort(bySource);
}

/** What the research stages (answer-groups.ts, related.ts) computed over the records in source order. */
export type ResearchTables = Pick<CompiledCollection, "answerGroups" | "related">;

function facetValueOf(record: QuestionRecord, facet: FacetName): string | null {
  switch (facet) {
    case "house":
      return record.house;
    case "party":
      return record.askingMember.party;
    case "member":
      return record.askingMember.name;
    case "answered":
      return String(record.answered);
    case "year":
      return record.answer ? record.answer.dateAnswered.slice(0, 4) : null;
    case "body":
      return record.answeringBody ?? null;
    case "heading":
      return record.heading ?? null;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The full-text part of the collection: field indexes and the tables ranking and expansion read. */
function compileSearch(records: QuestionRecord[], synonymGroups: string[][]) {
  const synonyms: CompiledSynonymGroup[] = compileSynonymGroups(synonymGroups);
  const matcher = new SynonymMatcher(synonyms);
  const docsOfKey = new Map<string, Set<number>>();
  const docsOfWord = new Map<string, Set<number>>();
  const fieldIndexes: CompiledCollection["fieldIndexes"] = {};
  const fieldLengths: CompiledCollection["fieldLengths"] = {};
  const pairsByDoc = records.map(() => new Set<string>());
  for (const field of SEARCH_FIELDS) {
    const index = createFieldIndex();
    const lengths: number[] = [];
    records.forEach((record, doc) => {
      const analysed = analyseField(field.text(record), matcher, field.proximity);
      lengths.push(analysed.length);
      if (analysed.keys.length > 0) index.add(doc, analysed.keys.join(" "));
      const pairs = pairsByDoc[doc] as Set<string>;
      for (const pair of adjacentPairs(analysed.stems)) pairs.add(pair);
      for (const key of analysed.keys) {
        const docs = docsOfKey.get(key) ?? new Set<number>();
        docs.add(doc);
        docsOfKey.set(key, docs);
      }
      for (const word of analysed.words) {
        const docs = docsOfWord.get(word) ?? new Set<number>();
        docs.add(doc);
        docsOfWord.set(word, docs);
      }
    });
    fieldIndexes[field.name] = exportFieldIndex(index);
    fieldLengths[field.name] = lengths;
  }
  // Proximity pairs are looked up whole and weighed by their postings: the key list holds the rest.
  const keys = [...docsOfKey.keys()].filter((key) => !isProximityKey(key)).sort(compareStrings);
  const keyPosition = new Map(keys.map((key, position) => [key, position]));
  const words = [...docsOfWord.keys()].sort(compareStrings);
  const vocabulary: CompiledVocabulary = {
    words,
    wordKey: words.map((word) => keyPosition.get(stem(word)) ?? -1),
    wordDf: words.map((word) => docsOfWord.get(word)?.size ?? 0),
  };
  return {
    fieldIndexes,
    phraseIndex: compilePhrasePairs(pairsByDoc, docsOfKey),
    fieldLengths,
    keys,
    keyDf: keys.map((key) => docsOfKey.get(key)?.size ?? 0),
    /** Each key's records, by its position in `keys`: for the key facets, not shipped. */
    keyDocs: keys.map((key) => docsOfKey.get(key) ?? new Set<number>()),
    vocabulary,
    // A group no record holds finds nothing, and its words are searched as plain words without
    // it, as in a collection without the group: only the groups the records hold are shipped
    // (the general vocabulary is ~90 groups; the seed holds 10 of them, 6 KB of the bundle).
    synonyms: synonyms.filter((group) => docsOfKey.has(group.key)),
  };
}

/**
 * The commonest keys' best records (key-tops.ts), ranked from the impact lists the request path
 * computes, by a term index over the postings just compiled.
 */
function keyTopsOf(
  search: Omit<ReturnType<typeof compileSearch>, "keyDocs">,
  size: number,
  dateOrder: readonly number[],
  from: number,
): CompiledCollection["keyTops"] {
  const index = new TermIndex({ ...search, keyFacets: [], keyTops: [] }, size, search);
  const rank = new Ordering(dateOrder).relevanceRank();
  return compileKeyTops(search.keyDf, (key) => index.impacts.of(search.keys[key] as string), rank, from);
}

export function compileCollection(
  unordered: QuestionRecord[],
  text: CollectionText,
  synonymGroups: string[][] = [],
  research: ResearchTables = { answerGroups: [], related: unordered.map(() => []) },
  keyFacetsFrom = KEY_FACETS_FROM,
): CompiledCollection {
  const records = inSourceOrder(unordered);

  const facetValues = {} as CompiledCollection["facetValues"];
  const facetCodes = {} as CompiledCollection["facetCodes"];
  for (const facet of FACET_NAMES) {
    const values = records.map((record) => facetValueOf(record, facet));
    const distinct = [...new Set(values.filter((value): value is string => value !== null))].sort(compareStrings);
    const codeOf = new Map(distinct.map((value, code) => [value, code]));
    facetValues[facet] = distinct;
    facetCodes[facet] = values.map((value) => (value === null ? -1 : (codeOf.get(value) as number)));
  }

  const dates = [...new Set(records.flatMap((record) => (record.answer ? [record.answer.dateAnswered] : [])))].sort();
  const dateRank = new Map(dates.map((date, rank) => [date, rank]));
  const dateOrder = records.map((record) =>
    record.answer ? (dateRank.get(record.answer.dateAnswered) as number) : records.length,
  );

  const { keyDocs, ...search } = compileSearch(records, synonymGroups);

  const collection: CompiledCollection = {
    formatVersion: COMPILED_FORMAT_VERSION,
    meta: {
      title: text.title,
      description: text.description,
      records: records.length,
      buildId: "",
      fields: SEARCH_FIELDS.map(({ name, weight }) => ({ name, weight })),
      facets: countFacets({ facetValues, facetCodes }, [...records.keys()]),
    },
    records,
    facetValues,
    facetCodes,
    dateOrder,
    ...search,
    keyFacets: compileKeyFacets(keyDocs, facetCodes, facetValues, keyFacetsFrom),
    keyTops: keyTopsOf(search, records.length, dateOrder, keyFacetsFrom),
    ...research,
  };
  return collection;
}
