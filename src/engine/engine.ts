/**
 * The search engine: hydrated once from the compiled collection, then answers searches, listings
 * and lookups. It knows nothing of HTTP, so the same code runs in the Worker and in benchmarks.
 */

import type { Index } from "flexsearch";
import type { Facets } from "../schema/facets";
import type { Meta } from "../schema/meta";
import type { Filters, Sort } from "../schema/query";
import type { QuestionRecord } from "../schema/record";
import type { Hit } from "../schema/search";
import { AnalysedTextCache } from "./analysed-text";
import { COMPILED_FORMAT_VERSION, type CompiledCollection } from "./compiled";
import { expandClause } from "./expand";
import { countFacets } from "./facet-counts";
import { SEARCH_FIELDS } from "./fields";
import { compileFilters } from "./filter";
import { importFieldIndex, type Postings, postingsOf, RESOLUTION } from "./flex";
import { highlightAll, highlightSnippet } from "./highlight";
import { type ParsedQuery, parseQuery } from "./query";
import { Suggester, type Suggestion } from "./suggest";
import { SynonymMatcher, stemsOf } from "./synonyms";
import { Vocabulary } from "./vocabulary";

function containsRun(stems: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= stems.length; i++) {
    for (let j = 0; j < run.length; j++) if (stems[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

export interface SearchRequest extends Filters {
  q: string;
  sort: Sort;
  limit: number;
  offset: number;
}

export interface SearchResult {
  total: number;
  hits: Hit[];
  facets: Facets;
}

export interface ListResult {
  total: number;
  records: QuestionRecord[];
}

interface FieldIndex {
  weight: number;
  /** FlexSearch's own key → position-bucket table, read directly (see `postingsOf` in flex.ts). */
  postings: ReadonlyMap<string, Postings>;
  /** BM25's length factor per record, with the term counted once: short fields score higher. */
  lengthFactor: Float64Array;
}

// BM25's usual constants: term-frequency saturation and the strength of length normalisation.
const K1 = 1.2;
const B = 0.75;

// Plain loops, not Float64Array.from(list, fn): that goes through the iterator protocol and was
// a third of a 50,000-record engine's construction.
function lengthFactors(lengths: readonly number[]): Float64Array {
  let total = 0;
  for (const length of lengths) total += length;
  const average = total / Math.max(1, lengths.length) || 1;
  const factors = new Float64Array(lengths.length);
  for (let doc = 0; doc < lengths.length; doc++)
    factors[doc] = (K1 + 1) / (1 + K1 * (1 - B + (B * (lengths[doc] as number)) / average));
  return factors;
}

export class SearchEngine {
  readonly meta: Meta;
  private readonly collection: CompiledCollection;
  private readonly fields: FieldIndex[];
  /** Every FlexSearch index by its name in `fieldIndexes`, so postings can be added later. */
  private readonly indexes = new Map<string, Index>();
  private readonly docById: Map<string, number>;
  private readonly allDocs: number[];
  private readonly keyPosition: Map<string, number>;
  private readonly idf: Float64Array;
  private readonly vocabulary: Vocabulary;
  private readonly synonyms: SynonymMatcher;
  private readonly suggester: Suggester;
  /** Highlighting's tokens and stems of record texts, analysed on first use. */
  private readonly texts = new AnalysedTextCache();
  // Per-record scratch space, allocated once: a query touches only the records its keys list,
  // and generation stamps say which entries the current query wrote, so nothing needs clearing.
  private readonly stamp: Uint32Array;
  private readonly expansionScore: Float64Array;
  private readonly clauseStamp: Uint32Array;
  private readonly clauseScore: Float64Array;
  private readonly queryStamp: Uint32Array;
  private readonly totalScore: Float64Array;
  private readonly clausesMatched: Uint16Array;
  private generation = 0;

  /** Rebuilds the FlexSearch indexes from the build's export. Throws on a format it does not know. */
  constructor(collection: CompiledCollection) {
    if (collection.formatVersion !== COMPILED_FORMAT_VERSION) {
      throw new Error(
        `pqsearch: compiled collection has format ${collection.formatVersion}, this engine reads ${COMPILED_FORMAT_VERSION}; rebuild with npm run build`,
      );
    }
    this.collection = collection;
    this.meta = collection.meta;
    this.fields = SEARCH_FIELDS.map((field) => {
      const chunks = collection.fieldIndexes[field.name];
      const lengths = collection.fieldLengths[field.name];
      if (!chunks || !lengths) throw new Error(`pqsearch: compiled collection lacks the index for field ${field.name}`);
      const index = importFieldIndex(chunks);
      this.indexes.set(field.name, index);
      return {
        weight: field.weight,
        postings: postingsOf(index),
        lengthFactor: lengthFactors(lengths),
      };
    });
    const size = collection.records.length;
    this.docById = new Map(collection.records.map((record, doc) => [record.id, doc]));
    this.allDocs = collection.records.map((_, doc) => doc);
    this.keyPosition = new Map(collection.keys.map((key, position) => [key, position]));
    this.idf = new Float64Array(collection.keyDf.length);
    collection.keyDf.forEach((df, key) => {
      this.idf[key] = Math.log(1 + (size - df + 0.5) / (df + 0.5));
    });
    this.vocabulary = new Vocabulary(collection.vocabulary);
    this.synonyms = new SynonymMatcher(collection.synonyms);
    this.suggester = new Suggester(this.vocabulary, collection.facetValues.member, collection.meta.facets.member);
    this.stamp = new Uint32Array(size);
    this.expansionScore = new Float64Array(size);
    this.clauseStamp = new Uint32Array(size);
    this.clauseScore = new Float64Array(size);
    this.queryStamp = new Uint32Array(size);
    this.totalScore = new Float64Array(size);
    this.clausesMatched = new Uint16Array(size);
  }

  get size(): number {
    return this.collection.records.length;
  }

  record(id: string): QuestionRecord | undefined {
    const doc = this.docById.get(id);
    return doc === undefined ? undefined : this.collection.records[doc];
  }

  /** Records passing the filters, in source order. */
  list(filters: Filters, limit: number, offset: number): ListResult {
    const matches = this.filtered(this.allDocs, filters);
    return {
      total: matches.length,
      records: matches.slice(offset, offset + limit).map((doc) => this.collection.records[doc] as QuestionRecord),
    };
  }

  /** Completions for what is being typed: member names and words, most useful first. */
  suggest(q: string, limit = 8): Suggestion[] {
    return this.suggester.suggest(q, limit);
  }

  /**
   * The index keys `search` looks up for `q` (parsed, synonyms read, completed and corrected as
   * `score` does), so a sharded collection can fetch just their postings before searching.
   */
  plannedKeys(q: string): string[] {
    const query = parseQuery(q, this.synonyms, (key) => this.keyPosition.has(key));
    const keys: string[] = [];
    for (const clause of query.clauses) {
      if (clause.stop && !clause.required) continue;
      for (const { key } of expandClause(clause, this.keyPosition, this.vocabulary))
        keys.push(this.collection.keys[key] as string);
    }
    return keys;
  }

  /** Adds FlexSearch `map` entries to a named index (a sharded collection imports them on demand). */
  importPostings(indexName: string, entries: ReadonlyArray<[key: string, buckets: unknown]>): void {
    const index = this.indexes.get(indexName);
    if (!index) throw new Error(`pqsearch: the engine has no index named ${indexName}`);
    index.import("map", entries as unknown as string);
  }

  search(request: SearchRequest): SearchResult {
    const query = parseQuery(request.q, this.synonyms, (key) => this.keyPosition.has(key));
    const scored = query.clauses.length > 0 ? this.score(query) : null;
    const candidates = scored ? scored.docs : this.allDocs;
    const matches = this.filtered(candidates, request);
    const top = this.ordered(matches, request.sort, scored ? this.totalScore : null, request.offset + request.limit);
    const isMatch = scored ? this.matcherFor(scored.keys) : () => false;
    // Boilerplate answers repeat word for word across hits: mark each distinct text once per query.
    const snippets = new Map<string, string | null>();
    const snippetOf = (text: string) => {
      let snippet = snippets.get(text);
      if (snippet === undefined) {
        snippet = highlightSnippet(text, this.texts.get(text), isMatch);
        snippets.set(text, snippet);
      }
      return snippet;
    };
    const hits = top.slice(request.offset).map((doc) => {
      const record = this.collection.records[doc] as QuestionRecord;
      return {
        id: record.id,
        house: record.house,
        askingMember: record.askingMember,
        answered: record.answered,
        dateAnswered: record.answer?.dateAnswered ?? null,
        questionText: record.questionText,
        highlights: {
          questionText: highlightAll(record.questionText, this.texts.get(record.questionText), isMatch),
          answerText: record.answer ? snippetOf(record.answer.text) : null,
        },
      };
    });
    return { total: matches.length, hits, facets: countFacets(this.collection, matches) };
  }

  /**
   * Records satisfying every required clause (in any field), scored BM25-style: for each clause,
   * the best of its expansions, each worth idf × factor × Σ over fields of the field's weight, a
   * bonus for appearing early (FlexSearch's position bucket) and the field's length factor.
   * Leaves each record's score in `totalScore`.
   */
  private score(query: ParsedQuery): { docs: number[]; keys: number[] } {
    const { stamp, expansionScore, clauseStamp, clauseScore, queryStamp, totalScore, clausesMatched } = this;
    const queryGeneration = this.nextGeneration();
    const touched: number[] = [];
    const keysUsed: number[] = [];
    let required = 0;
    for (const clause of query.clauses) {
      if (clause.stop && !clause.required) continue;
      const expansions = expandClause(clause, this.keyPosition, this.vocabulary);
      if (clause.required) {
        required++;
        if (expansions.length === 0) return { docs: [], keys: [] };
      }
      const clauseGeneration = this.nextGeneration();
      const clauseDocs: number[] = [];
      for (const { key, factor } of expansions) {
        keysUsed.push(key);
        const generation = this.nextGeneration();
        const expansionDocs: number[] = [];
        const keyText = this.collection.keys[key] as string;
        const keyWeight = factor * (this.idf[key] as number);
        for (const field of this.fields) {
          const buckets = field.postings.get(keyText);
          if (!buckets) continue;
          for (let bucket = 0; bucket < buckets.length; bucket++) {
            const docs = buckets[bucket];
            if (!docs) continue;
            const weight = keyWeight * field.weight * (1 - bucket / (2 * RESOLUTION));
            for (const doc of docs) {
              const value = weight * (field.lengthFactor[doc] as number);
              if (stamp[doc] !== generation) {
                stamp[doc] = generation;
                expansionScore[doc] = value;
                expansionDocs.push(doc);
              } else expansionScore[doc] = (expansionScore[doc] as number) + value;
            }
          }
        }
        for (const doc of expansionDocs) {
          const value = expansionScore[doc] as number;
          if (clauseStamp[doc] !== clauseGeneration) {
            clauseStamp[doc] = clauseGeneration;
            clauseScore[doc] = value;
            clauseDocs.push(doc);
          } else if (value > (clauseScore[doc] as number)) clauseScore[doc] = value;
        }
      }
      if (clause.required && clauseDocs.length === 0) return { docs: [], keys: [] };
      for (const doc of clauseDocs) {
        if (queryStamp[doc] !== queryGeneration) {
          queryStamp[doc] = queryGeneration;
          totalScore[doc] = 0;
          clausesMatched[doc] = 0;
          touched.push(doc);
        }
        totalScore[doc] = (totalScore[doc] as number) + (clauseScore[doc] as number);
        if (clause.required) clausesMatched[doc] = (clausesMatched[doc] as number) + 1;
      }
    }
    let docs = touched.filter((doc) => clausesMatched[doc] === required);
    if (query.phrases.length > 0) docs = docs.filter((doc) => this.holdsPhrases(doc, query.phrases));
    return { docs, keys: keysUsed };
  }

  /** A stamp no scratch entry holds yet; on the (distant) wrap-around, stamps are cleared. */
  private nextGeneration(): number {
    if (this.generation >= 0xfffffffe) {
      this.stamp.fill(0);
      this.clauseStamp.fill(0);
      this.queryStamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  /** Whether some field of the record holds each phrase word for word (re-read, candidates only). */
  private holdsPhrases(doc: number, phrases: string[][]): boolean {
    const record = this.collection.records[doc] as QuestionRecord;
    // Fields are re-read lazily: most phrases are settled by the question, the first field.
    const fieldStems: Array<string[] | undefined> = [];
    const stemsOfField = (i: number) => {
      let stems = fieldStems[i];
      if (!stems) {
        stems = stemsOf((SEARCH_FIELDS[i] as (typeof SEARCH_FIELDS)[number]).text(record));
        fieldStems[i] = stems;
      }
      return stems;
    };
    return phrases.every((phrase) => SEARCH_FIELDS.some((_, i) => containsRun(stemsOfField(i), phrase)));
  }

  /** Marks words whose stem was looked up, including every word of a matched synonym group. */
  private matcherFor(keys: number[]): (stem: string) => boolean {
    const stems = new Set<string>();
    for (const key of keys) {
      const text = this.collection.keys[key] as string;
      const groupStems = this.synonyms.stemsOfKey.get(text);
      if (groupStems) for (const s of groupStems) stems.add(s);
      else stems.add(text);
    }
    return (wordStem) => stems.has(wordStem);
  }

  private filtered(docs: number[], filters: Filters): number[] {
    const predicate = compileFilters(this.collection, filters);
    return predicate ? docs.filter(predicate) : [...docs];
  }

  /**
   * The first `keep` documents in the requested order. A page needs only the best `offset + limit`
   * (at most 1,000), so when that is a small share of the matches they are selected in one pass
   * instead of sorting every match. The order is total (ties fall to document order), so both paths
   * agree exactly.
   */
  private ordered(docs: number[], sort: Sort, scores: Float64Array | null, keep: number): number[] {
    if (keep === 0) return [];
    const compare = this.comparator(sort, scores);
    if (keep * 4 >= docs.length) return docs.sort(compare).slice(0, keep);
    const best: number[] = [];
    for (const doc of docs) {
      if (best.length === keep) {
        if (compare(doc, best[keep - 1] as number) >= 0) continue;
        best.pop();
      }
      let low = 0;
      let high = best.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (compare(best[middle] as number, doc) <= 0) low = middle + 1;
        else high = middle;
      }
      best.splice(low, 0, doc);
    }
    return best;
  }

  private comparator(sort: Sort, scores: Float64Array | null): (a: number, b: number) => number {
    const { dateOrder } = this.collection;
    const date = (doc: number) => dateOrder[doc] as number;
    const unanswered = this.collection.records.length;
    const newestFirst = (a: number, b: number) => {
      // Unanswered records carry the highest rank; they belong after every dated one.
      const da = date(a) >= unanswered ? -1 : date(a);
      const db = date(b) >= unanswered ? -1 : date(b);
      return db - da;
    };
    if (sort === "oldest") return (a, b) => date(a) - date(b) || a - b;
    if (sort === "newest" || scores === null) return (a, b) => newestFirst(a, b) || a - b;
    return (a, b) => (scores[b] as number) - (scores[a] as number) || newestFirst(a, b) || a - b;
  }
}
