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
import { type AnalysedText, AnalysedTextCache, stemIdOf } from "./analysed-text";
import { Columns } from "./columns";
import { COMPILED_FORMAT_VERSION, type CompiledCollection } from "./compiled";
import { forEachDoc } from "./doc-sets";
import { type Expansion, expandClause } from "./expand";
import { FacetCounter } from "./facet-counts";
import { SEARCH_FIELDS } from "./fields";
import { compileFilters } from "./filter";
import { importFieldIndex, postingsOf } from "./flex";
import { escapeHtml, highlightAll, highlightSnippet } from "./highlight";
import { type FieldPostings, type Impact, ImpactCache } from "./impacts";
import { PAIR_INDEX, PAIR_MIN_SHARED, pairKey, shareAtLeast } from "./phrase-pairs";
import { type ParsedQuery, parseQuery } from "./query";
import { Suggester, type Suggestion } from "./suggest";
import { SynonymMatcher } from "./synonyms";
import { Vocabulary } from "./vocabulary";

/** Whether the text's words hold the phrase's stems side by side. */
function containsRun(analysed: AnalysedText, run: readonly string[]): boolean {
  const ids: number[] = [];
  for (const stem of run) {
    const id = stemIdOf(stem);
    // No analysed text holds this stem, so this one does not either.
    if (id === undefined) return false;
    ids.push(id);
  }
  const { stemIds } = analysed;
  outer: for (let i = 0; i + ids.length <= stemIds.length; i++) {
    for (let j = 0; j < ids.length; j++) if (stemIds[i + j] !== ids[j]) continue outer;
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

/** A clause's keys, ready to score: each key's impact list and what it is worth in this query. */
interface ClausePlan {
  required: boolean;
  lists: Array<{ impact: Impact; weight: number }>;
  /** Postings over all its keys: the cheapest required clause is scored first. */
  postings: number;
}

// BM25's usual constants: term-frequency saturation and the strength of length normalisation.
const K1 = 1.2;
const B = 0.75;

/** BM25's length factor per record, with the term counted once: short fields score higher. */
function lengthFactors(lengths: readonly number[]): Float64Array {
  let total = 0;
  for (let i = 0; i < lengths.length; i++) total += lengths[i] as number;
  const average = total / Math.max(1, lengths.length) || 1;
  const factors = new Float64Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    factors[i] = (K1 + 1) / (1 + K1 * (1 - B + (B * (lengths[i] as number)) / average));
  }
  return factors;
}

export class SearchEngine {
  readonly meta: Meta;
  private readonly collection: CompiledCollection;
  private readonly impacts: ImpactCache;
  /** Records per adjacent stem pair, for phrases (see phrase-pairs.ts). */
  private pairTable: Map<string, string> | null = null;
  private docByIdTable: Map<string, number> | null = null;
  private allDocsList: Int32Array | null = null;
  /** Scratch lists of records, one per clause being scored (views of them never outlive a call). */
  private readonly candidateBuffer: Int32Array;
  private readonly clauseBuffer: Int32Array;
  private readonly filterBuffer: Int32Array;
  private columnsTable: Columns | null = null;
  private facetCounter: FacetCounter | null = null;
  /** Every record in date order, and each record's rank there (see `dateOrdering`). */
  private byDate: Record<"newest" | "oldest", { docs: Int32Array; rank: Int32Array }> | null = null;
  /** Every FlexSearch index by its name in `fieldIndexes`, so postings can be added later. */
  private readonly indexes = new Map<string, Index>();
  private readonly keyPosition: Map<string, number>;
  private readonly idf: Float64Array;
  private readonly vocabulary: Vocabulary;
  private readonly synonyms: SynonymMatcher;
  private readonly suggester: Suggester;
  /** Highlighting's tokens and stems of record texts, analysed on first use. */
  private readonly texts = new AnalysedTextCache();
  // Per-record scratch space, allocated once: a query touches only the records its keys list,
  // and generation stamps say which entries the current query wrote, so nothing needs clearing.
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
    const fields: FieldPostings[] = SEARCH_FIELDS.map((field) => {
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
    this.impacts = new ImpactCache(fields, size);
    this.candidateBuffer = new Int32Array(size);
    this.clauseBuffer = new Int32Array(size);
    this.filterBuffer = new Int32Array(size);
    this.keyPosition = new Map(collection.keys.map((key, position) => [key, position]));
    this.idf = new Float64Array(collection.keyDf.length);
    collection.keyDf.forEach((df, key) => {
      this.idf[key] = Math.log(1 + (size - df + 0.5) / (df + 0.5));
    });
    this.vocabulary = new Vocabulary(collection.vocabulary);
    this.synonyms = new SynonymMatcher(collection.synonyms);
    this.suggester = new Suggester(this.vocabulary, collection.facetValues.member, collection.meta.facets.member);
    this.clauseStamp = new Uint32Array(size);
    this.clauseScore = new Float64Array(size);
    this.queryStamp = new Uint32Array(size);
    this.totalScore = new Float64Array(size);
    this.clausesMatched = new Uint16Array(size);
  }

  get size(): number {
    return this.collection.records.length;
  }

  // Tables only some requests need, built on first use so hydration stays near the parse floor.
  private get docById(): Map<string, number> {
    this.docByIdTable ??= new Map(this.collection.records.map((record, doc) => [record.id, doc]));
    return this.docByIdTable;
  }

  /** Only quoted phrases read the pair index: its table is built on the first. */
  private get pairs(): Map<string, string> {
    this.pairTable ??= new Map(this.collection.phraseIndex);
    return this.pairTable;
  }

  private get allDocs(): Int32Array {
    this.allDocsList ??= Int32Array.from(this.collection.records, (_, doc) => doc);
    return this.allDocsList;
  }

  private get columns(): Columns {
    this.columnsTable ??= new Columns(this.collection);
    return this.columnsTable;
  }

  private get facets(): FacetCounter {
    this.facetCounter ??= new FacetCounter(this.collection.facetValues, this.columns.facet);
    return this.facetCounter;
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
      records: Array.from(
        matches.subarray(offset, offset + limit),
        (doc) => this.collection.records[doc] as QuestionRecord,
      ),
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
    for (const phrase of query.phrases)
      for (let i = 1; i < phrase.length; i++) keys.push(pairKey(phrase[i - 1] as string, phrase[i] as string));
    return keys;
  }

  /**
   * Adds a named index's entries — FlexSearch `map` entries for a field, encoded record sets for
   * the phrase pairs — as a sharded collection imports them on demand.
   */
  importPostings(indexName: string, entries: ReadonlyArray<[key: string, buckets: unknown]>): void {
    if (indexName === PAIR_INDEX) {
      for (const [key, docs] of entries) this.pairs.set(key, docs as string);
      return;
    }
    const index = this.indexes.get(indexName);
    if (!index) throw new Error(`pqsearch: the engine has no index named ${indexName}`);
    index.import("map", entries as unknown as string);
  }

  search(request: SearchRequest): SearchResult {
    const query = parseQuery(request.q, this.synonyms, (key) => this.keyPosition.has(key));
    const scored = query.clauses.length > 0 ? this.score(query) : null;
    // Browsing (no words) is in date order, newest first unless asked otherwise: it walks a list
    // sorted once per isolate, so the page is simply its first entries.
    const keep = request.offset + request.limit;
    let matches: Int32Array;
    let top: number[];
    let wholeCollection = false;
    if (scored) {
      matches = this.filtered(scored.docs, request);
      top = this.ordered(matches, request.sort, this.totalScore, keep);
    } else {
      matches = this.filtered(this.allDocs, request);
      if (matches === this.allDocs) {
        // Browsing everything: the page is the head of a list sorted once per isolate, and the
        // build already counted the whole collection's facets.
        top = Array.from(this.dateOrdering(request.sort === "oldest" ? "oldest" : "newest").docs.subarray(0, keep));
        wholeCollection = true;
      } else top = this.ordered(matches, request.sort, null, keep);
    }
    const isMatch = scored ? this.matcherFor(scored.keys) : new Set<string>();
    // Boilerplate answers repeat word for word across hits: mark each distinct text once per query.
    const snippets = new Map<string, string | null>();
    const snippetOf = (text: string) => {
      let snippet = snippets.get(text);
      if (snippet === undefined) {
        // Nothing to mark (browsing): no snippet, and no need to analyse the text.
        snippet = isMatch.size === 0 ? null : highlightSnippet(text, this.texts.get(text), isMatch);
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
          questionText:
            isMatch.size === 0
              ? escapeHtml(record.questionText)
              : highlightAll(record.questionText, this.texts.get(record.questionText), isMatch),
          answerText: record.answer ? snippetOf(record.answer.text) : null,
        },
      };
    });
    const facets = wholeCollection ? this.meta.facets : this.facets.count(matches, matches.length);
    return { total: matches.length, hits, facets };
  }

  /**
   * Records satisfying every required clause (in any field), scored BM25-style: for each clause,
   * the best of its expansions, each worth idf × factor × the key's impact in the record (see
   * impacts.ts). The cheapest required clause picks the candidates; the others only confirm and
   * add to them. Leaves each record's score in `totalScore`.
   */
  private score(query: ParsedQuery): { docs: Int32Array; keys: number[] } {
    const none = { docs: new Int32Array(0), keys: [] };
    const keysUsed: number[] = [];
    const plans: ClausePlan[] = [];
    for (const clause of query.clauses) {
      if (clause.stop && !clause.required) continue;
      const expansions: Expansion[] = expandClause(clause, this.keyPosition, this.vocabulary);
      if (clause.required && expansions.length === 0) return none;
      const plan: ClausePlan = { required: clause.required, lists: [], postings: 0 };
      for (const { key, factor } of expansions) {
        keysUsed.push(key);
        const impact = this.impacts.of(this.collection.keys[key] as string);
        plan.lists.push({ impact, weight: factor * (this.idf[key] as number) });
        plan.postings += impact.docs.length;
      }
      if (clause.required && plan.postings === 0) return none;
      plans.push(plan);
    }
    const required = plans.filter((plan) => plan.required).sort((a, b) => a.postings - b.postings);
    const optional = plans.filter((plan) => !plan.required);
    if (required.length === 0) return none;

    const { clauseScore, queryStamp, totalScore, clausesMatched } = this;
    const queryGeneration = this.nextGeneration();
    const candidates = this.scoreClause(required[0] as ClausePlan, -1, this.candidateBuffer);
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i] as number;
      queryStamp[doc] = queryGeneration;
      totalScore[doc] = clauseScore[doc] as number;
      clausesMatched[doc] = 1;
    }
    for (const plan of [...required.slice(1), ...optional]) {
      const scored = this.scoreClause(plan, queryGeneration, this.clauseBuffer);
      for (let i = 0; i < scored.length; i++) {
        const doc = scored[i] as number;
        totalScore[doc] = (totalScore[doc] as number) + (clauseScore[doc] as number);
        if (plan.required) clausesMatched[doc] = (clausesMatched[doc] as number) + 1;
      }
    }
    const clauses = required.length;
    let docs = clauses === 1 ? candidates : this.keep(candidates, (doc) => clausesMatched[doc] === clauses);
    if (query.phrases.length > 0) docs = this.withPhrases(docs, query.phrases);
    return { docs, keys: keysUsed };
  }

  /**
   * Scores one clause: the best of its keys per record, left in `clauseScore`. With
   * `queryGeneration` ≥ 0 only records already among the query's candidates are scored.
   * Returns the records scored: a view of `out`, or (for a first clause of one key) the key's
   * own impact list — read-only either way, and valid only until the next search.
   */
  private scoreClause(plan: ClausePlan, queryGeneration: number, out: Int32Array): Int32Array {
    const { clauseStamp, clauseScore, queryStamp } = this;
    const only = plan.lists.length === 1 ? (plan.lists[0] as ClausePlan["lists"][number]) : null;
    if (only && queryGeneration < 0) {
      // One word, nothing to merge: its impact list is the answer.
      const { docs, weights } = only.impact;
      for (let i = 0; i < docs.length; i++) clauseScore[docs[i] as number] = only.weight * (weights[i] as number);
      return docs;
    }
    const generation = this.nextGeneration();
    let count = 0;
    for (const { impact, weight } of plan.lists) {
      const { docs, weights } = impact;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (queryGeneration >= 0 && queryStamp[doc] !== queryGeneration) continue;
        const value = weight * (weights[i] as number);
        if (clauseStamp[doc] !== generation) {
          clauseStamp[doc] = generation;
          clauseScore[doc] = value;
          out[count++] = doc;
        } else if (value > (clauseScore[doc] as number)) clauseScore[doc] = value;
      }
    }
    return out.subarray(0, count);
  }

  /** A stamp no scratch entry holds yet; on the (distant) wrap-around, stamps are cleared. */
  private nextGeneration(): number {
    if (this.generation >= 0xfffffffe) {
      this.clauseStamp.fill(0);
      this.queryStamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  /**
   * The records among `docs` holding every phrase. Each adjacent pair of a phrase's words is looked
   * up in the pair index when the index stores it (its words share `PAIR_MIN_SHARED` records or
   * more); that settles a two-word phrase. Otherwise (fewer shared records than that, so few
   * candidates) and for longer phrases (whose pairs may stand apart), the records still in the
   * running are re-read word for word.
   */
  private withPhrases(candidates: Int32Array, phrases: string[][]): Int32Array {
    let docs = candidates;
    let reread = false;
    for (const phrase of phrases) {
      if (phrase.length > 2) reread = true;
      for (let i = 1; i < phrase.length && docs.length > 0; i++) {
        const first = phrase[i - 1] as string;
        const second = phrase[i] as string;
        if (!shareAtLeast(this.impacts.of(first).docs, this.impacts.of(second).docs, PAIR_MIN_SHARED)) {
          reread = true;
          continue;
        }
        const stamp = this.clauseStamp;
        const generation = this.nextGeneration();
        const stored = this.pairs.get(pairKey(first, second));
        if (stored)
          forEachDoc(stored, (doc) => {
            stamp[doc] = generation;
          });
        docs = this.keep(docs, (doc) => stamp[doc] === generation);
      }
    }
    return reread ? this.keep(docs, (doc) => this.holdsPhrases(doc, phrases)) : docs;
  }

  /**
   * The records of `docs` passing `test`, in order, as a view of the candidate buffer: no
   * allocation per query (at 50,000 records a copy of a common word's matches is 200 KB, and the
   * collector's pauses are what a search's p99 is made of). `docs` may be that buffer itself:
   * writes never overtake reads. A plain loop: TypedArray#filter calls `test` through a builtin,
   * several times slower.
   */
  private keep(docs: Int32Array, test: (doc: number) => boolean): Int32Array {
    const out = this.candidateBuffer;
    let count = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (test(doc)) out[count++] = doc;
    }
    return out.subarray(0, count);
  }

  /**
   * Whether some field of the record holds each phrase word for word (re-read, candidates only).
   * Fields are analysed lazily (most phrases are settled by the question, the first field) and
   * through the highlighting cache, whose stems are the build's and which the hits reuse.
   */
  private holdsPhrases(doc: number, phrases: string[][]): boolean {
    const record = this.collection.records[doc] as QuestionRecord;
    const fieldTexts: Array<AnalysedText | undefined> = [];
    const analysedField = (i: number) => {
      let analysed = fieldTexts[i];
      if (!analysed) {
        analysed = this.texts.get((SEARCH_FIELDS[i] as (typeof SEARCH_FIELDS)[number]).text(record));
        fieldTexts[i] = analysed;
      }
      return analysed;
    };
    return phrases.every((phrase) => SEARCH_FIELDS.some((_, i) => containsRun(analysedField(i), phrase)));
  }

  /** Marks words whose stem was looked up, including every word of a matched synonym group. */
  private matcherFor(keys: number[]): ReadonlySet<string> {
    const stems = new Set<string>();
    for (const key of keys) {
      const text = this.collection.keys[key] as string;
      const groupStems = this.synonyms.stemsOfKey.get(text);
      if (groupStems) for (const s of groupStems) stems.add(s);
      else stems.add(text);
    }
    return stems;
  }

  /** The documents passing the filters; `docs` itself when nothing is filtered (callers must not mutate it). */
  private filtered(docs: Int32Array, filters: Filters): Int32Array {
    const predicate = compileFilters(this.collection, this.columns, filters);
    if (!predicate) return docs;
    // Its own loop rather than `keep`: a call site that sees only filter predicates stays fast
    // (sharing `keep`'s, which also sees the phrase and clause tests, measured ~6 % slower).
    const kept = this.filterBuffer;
    let count = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (predicate(doc)) kept[count++] = doc;
    }
    return kept.subarray(0, count);
  }

  /**
   * The first `keep` documents in the requested order. A page needs only the best `offset + limit`
   * (at most 1,000), so when that is a small share of the matches they are selected in one pass
   * instead of sorting every match. The order is total (equal scores fall to the newest answer,
   * then to source order: one precomputed rank), so both paths agree exactly.
   */
  private ordered(docs: Int32Array, sort: Sort, scores: Float64Array | null, keep: number): number[] {
    if (keep === 0) return [];
    const { rank } = this.dateOrdering(sort === "oldest" ? "oldest" : "newest");
    const byScore = sort === "relevance" ? scores : null;
    const compare = byScore
      ? (a: number, b: number) =>
          (byScore[b] as number) - (byScore[a] as number) || (rank[a] as number) - (rank[b] as number)
      : (a: number, b: number) => (rank[a] as number) - (rank[b] as number);
    if (keep * 4 >= docs.length) return Array.from(docs).sort(compare).slice(0, keep);
    const best: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (best.length === keep) {
        const worst = best[keep - 1] as number;
        // Most matches rank below the page's worst: settled without a call.
        if (byScore) {
          const score = byScore[doc] as number;
          const worstScore = byScore[worst] as number;
          if (score < worstScore || (score === worstScore && (rank[doc] as number) > (rank[worst] as number))) continue;
        } else if ((rank[doc] as number) > (rank[worst] as number)) continue;
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

  /**
   * Every record in date order — newest answer first (unanswered last), or oldest first — with
   * source order breaking ties, and each record's position in that order. Sorted once per isolate.
   */
  private dateOrdering(order: "newest" | "oldest"): { docs: Int32Array; rank: Int32Array } {
    if (!this.byDate) {
      const { dateOrder } = this.collection;
      const size = this.size;
      const date = (doc: number) => dateOrder[doc] as number;
      // Unanswered records carry the highest date rank; newest first puts them after every dated one.
      const newest = (doc: number) => (date(doc) >= size ? -1 : date(doc));
      const ranked = (docs: Int32Array) => {
        const rank = new Int32Array(size);
        docs.forEach((doc, at) => {
          rank[doc] = at;
        });
        return { docs, rank };
      };
      this.byDate = {
        newest: ranked(this.allDocs.slice().sort((a, b) => newest(b) - newest(a) || a - b)),
        oldest: ranked(this.allDocs.slice().sort((a, b) => date(a) - date(b) || a - b)),
      };
    }
    return this.byDate[order];
  }
}
