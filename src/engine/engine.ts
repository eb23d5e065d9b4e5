/**
 * The engine: one per collection, whichever layout, running each request as the stages in
 * search/ — plan → (fetch postings) → match → filter → tiers and phrases (re-reading what the pair
 * index cannot settle) → order and count facets → (fetch the page's records) → render hits. The record store and the term source hide the layout
 * (store/record-store.ts). It knows nothing of HTTP, so the same code runs in the Worker and in
 * benchmarks.
 *
 * Everything between two awaits is synchronous and uses this engine's scratch space (scores,
 * candidate and filter buffers); nothing pointing into it is kept across an await, so concurrent
 * requests in one isolate never see each other's.
 */
import type { AnswerGroup } from "../schema/answer-groups";
import type { Meta } from "../schema/meta";
import type { QuestionRecord } from "../schema/record";
import type { RelatedQuestion } from "../schema/related";
import type { Suggestion } from "../schema/suggest-response";
import { AnalysedTextCache, TextAnalyser } from "./analysed-text";
import { Columns, columnsFor } from "./columns";
import type { CollectionTables } from "./compiled";
import { docRange, firstAtLeast } from "./doc-range";
import { Highlighter } from "./highlight";
import { KeyFacets, soleKey } from "./key-facets";
import { KeyTops } from "./key-tops";
import { ResearchLookups } from "./research";
import { AnswerCollapse } from "./search/collapse";
import { FacetTally, topFacetValues } from "./search/facets";
import { type CompiledFilter, compileFilters, filtered } from "./search/filter";
import { renderHits } from "./search/hits";
import { Matcher } from "./search/match";
import { Ordering } from "./search/order";
import { needsReread, PhraseFilter } from "./search/phrases";
import { BROWSE, hasWords, type PlannedClause, planSearch, type SearchPlan } from "./search/plan";
import { Scoreboard } from "./search/score";
import { ENOUGH_FULL, Tiers } from "./search/tiers";
import { OrderedSelection } from "./selection";
import type { RecordStore, TermSource } from "./store/record-store";
import type { RelatedSource } from "./store/related-source";
import { Suggester } from "./suggest";
import type { TermIndex } from "./term-index";
import type {
  AnswerGroupsRequest,
  AnswerGroupsResult,
  Collection,
  ListRequest,
  ListResult,
  SearchRequest,
  SearchResult,
  Selection,
  SelectRequest,
  SuggestRequest,
} from "./types";
import { UnknownRecordError } from "./unknown-record";

/** Answers a search from its plan before any record is scored, or declines (null). */
type Shortcut<T> = (plan: SearchPlan, index: TermIndex, test: CompiledFilter | null) => T | Promise<T> | null;

/** What ordering and facet counting settled: all that a search keeps past its synchronous part. */
interface Ranked {
  total: number;
  page: number[];
  /** `full[i]`: whether `page[i]` matched every word and phrase. */
  full: boolean[];
  facets: SearchResult["facets"];
}

export class Engine implements Collection {
  readonly meta: Meta;
  private readonly columns: Columns;
  private readonly ordering: Ordering;
  private readonly scores: Scoreboard;
  private readonly matcher: Matcher;
  private readonly phrases: PhraseFilter;
  private readonly tiers: Tiers;
  private readonly filterBuffer: Int32Array;
  /** Highlighting's words and stems of record texts, analysed on first use. */
  private readonly texts: AnalysedTextCache;
  private readonly highlighter: Highlighter;
  private readonly collapse: AnswerCollapse;
  private readonly research: ResearchLookups;
  // Built on first use, so hydration stays near the parse floor.
  private facetTally: FacetTally | null = null;
  private keyFacets: KeyFacets | null = null;
  private keyTops: KeyTops | null = null;
  private suggester: Suggester | null = null;
  private allDocsList: Int32Array | null = null;
  /** The whole collection's top facet values, by `facetLimit`: browsing asks for few distinct limits. */
  private readonly browseFacets = new Map<number, SearchResult["facets"]>();

  constructor(
    private readonly tables: CollectionTables,
    readonly layout: "bundled" | "sharded",
    private readonly store: RecordStore,
    private readonly terms: TermSource,
    related: RelatedSource,
  ) {
    this.meta = tables.meta;
    const size = tables.meta.records;
    this.columns = new Columns(tables, store);
    this.ordering = new Ordering(tables.dateOrder);
    this.scores = new Scoreboard(size);
    this.matcher = new Matcher(this.scores, size);
    this.phrases = new PhraseFilter(size);
    this.tiers = new Tiers(size, this.matcher, this.scores);
    this.filterBuffer = new Int32Array(size);
    const analyser = new TextAnalyser();
    this.texts = new AnalysedTextCache(analyser);
    this.highlighter = new Highlighter(analyser);
    this.collapse = new AnswerCollapse(tables.answerGroups, size);
    this.research = new ResearchLookups(tables.answerGroups, store, related);
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return this.matching(
      request,
      (matches, plan, scored) => this.page(request, plan, matches, scored),
      (plan, index, test) => this.keyTopPage(request, plan, index, test),
    );
  }

  select(request: SelectRequest): Promise<Selection> {
    return this.matching(request, (matches, _plan, scored) => {
      // Ordered now, before any await: the matches and their scores are scratch space.
      const order =
        matches === this.allDocs
          ? this.ordering.browse(request.sort, matches.length)
          : this.ordering.top(matches, request.sort, scored ? this.scores.total : null, matches.length);
      return new OrderedSelection(order, this.store);
    });
  }

  /**
   * Runs a search up to its matches (planned, fetched, matched, filtered, phrases re-read) and
   * hands them to `finish`, which must be done with them before it awaits anything. `shortcut`,
   * when given, may answer a search with words instead, before any record is scored (null: it
   * does not).
   */
  private matching<T>(
    request: SelectRequest,
    finish: (matches: Int32Array, plan: SearchPlan, scored: boolean) => T | Promise<T>,
    shortcut?: Shortcut<T>,
  ): Promise<T> {
    try {
      // Browsing (no words) needs no term index, so a sharded collection fetches none for it.
      const ready = this.terms.ready();
      if (!ready && hasWords(request.q)) return this.terms.index().then(() => this.matching(request, finish, shortcut));
      const plan = ready ? planSearch(request.q, ready, request.match === "all") : BROWSE;
      const postings = ready ? this.terms.loadPostings(ready, plan.lookups) : null;
      const columns = this.columns.load(columnsFor(request));
      if (postings || columns)
        return Promise.all([postings, columns]).then(() => this.answer(request, plan, ready, finish, shortcut));
      // Nothing to wait for (always, bundled): no async machinery, one settled promise.
      const found = this.answer(request, plan, ready, finish, shortcut);
      return found instanceof Promise ? found : Promise.resolve(found);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The search once its postings and columns are at hand: synchronous (a plain function, which the
   * JIT optimises better than an async one) unless a phrase re-read or `finish` needs records
   * fetched.
   */
  private answer<T>(
    request: SelectRequest,
    plan: SearchPlan,
    index: TermIndex | null,
    finish: (matches: Int32Array, plan: SearchPlan, scored: boolean) => T | Promise<T>,
    shortcut?: Shortcut<T>,
  ): T | Promise<T> {
    const scored = index !== null && plan.clauses.length > 0;
    const test = compileFilters(this.tables, this.columns, request);
    if (!scored) return finish(filtered(this.allDocs, test, this.filterBuffer), plan, false);
    const quick = shortcut ? shortcut(plan, index, test) : null;
    if (quick !== null) return quick;
    if (!plan.strict) {
      const enough = this.enoughFull(plan, index, test);
      if (enough) return finish(this.tiers.settle(enough, enough, plan), plan, true);
    }
    const matches = plan.strict
      ? this.matcher.match(plan, index, true, test)
      : filtered(this.matcher.match(plan, index), test, this.filterBuffer);
    let full = this.tiers.complete(matches, plan);
    if (plan.phrases.length > 0) full = this.phrases.prune(full, plan.phrases, index, this.tiers.keep);
    const settled = (candidates: Int32Array, holding: Int32Array) =>
      finish(this.tiers.settle(candidates, holding, plan), plan, true);
    if (plan.phrases.length > 0 && full.length > 0 && needsReread(plan.phrases, index))
      return this.reread(matches, full, plan.phrases, settled);
    return settled(matches, full);
  }

  /**
   * Fallback matching answers with full matches alone when there are `ENOUGH_FULL` of them, and
   * those are what strict matching finds — the rarest word picking the candidates, no union of
   * every word's records to build, sort and rank. So it is tried first: the full matches if they
   * are enough (filtered, phrases settled by the pair index), else null, and fallback matching
   * runs; all of them however few when no record can match in part (one word). A phrase that
   * needs its records re-read goes straight to the fallback.
   */
  private enoughFull(plan: SearchPlan, index: TermIndex, test: CompiledFilter | null): Int32Array | null {
    const matches = this.matcher.match(plan, index, true, test);
    if (!plan.partial) return matches;
    if (matches.length < ENOUGH_FULL) return null;
    if (plan.phrases.length === 0) return matches;
    if (needsReread(plan.phrases, index)) return null;
    const full = this.phrases.prune(matches, plan.phrases, index, this.tiers.keep);
    return full.length < ENOUGH_FULL ? null : full;
  }

  /** Orders the matches, counts their facets, and renders the page's hits. */
  private page(
    request: SearchRequest,
    plan: SearchPlan,
    matches: Int32Array,
    scored: boolean,
  ): SearchResult | Promise<SearchResult> {
    return this.shown(request, plan, this.rank(request, plan, matches, scored));
  }

  /**
   * A one-word search's page read from the build's ranking of its key's records (key-tops.ts),
   * no record scored: what `page` would answer for it. Null for any other search — a filter, a
   * phrase, several words or keys, a role's name, another order, collapsed answers — or when the
   * ranking does not reach the page.
   */
  private keyTopPage(
    request: SearchRequest,
    plan: SearchPlan,
    index: TermIndex,
    test: CompiledFilter | null,
  ): SearchResult | Promise<SearchResult> | null {
    if (test !== null || request.sort !== "relevance" || request.collapse === "answer") return null;
    if (plan.unmatchable || plan.phrases.length > 0 || plan.clauses.length !== 1) return null;
    const clause = plan.clauses[0] as PlannedClause;
    if (!clause.required || clause.keys.length !== 1 || clause.role || clause.proximity) return null;
    const key = clause.keys[0] as string;
    this.keyTops ??= new KeyTops(index.keyTopLists, index.keys);
    const list = this.keyTops.listOf(key);
    if (list === undefined) return null;
    const impact = index.impacts.of(key);
    const top = this.keyTops.top(list, impact, clause.weights[0] as number, request.offset + request.limit);
    if (top === undefined) return null;
    const page = top.slice(request.offset);
    const facets = this.facetsOf(request, plan, impact.docs);
    return this.shown(request, plan, { total: impact.docs.length, page, full: page.map(() => true), facets });
  }

  /** A ranked page's records, fetched if they must be, rendered as hits. */
  private shown(request: SearchRequest, plan: SearchPlan, ranked: Ranked): SearchResult | Promise<SearchResult> {
    // `highlight=false`: rendered as browsing renders, marking nothing.
    const marked = request.highlight === false ? BROWSE.marked : plan.marked;
    // A bundled store (or resident shards) answers at once: no await, so no other request runs here.
    const found = this.store.records(ranked.page);
    return found instanceof Promise
      ? found.then((records) => this.rendered(ranked, marked, records))
      : this.rendered(ranked, marked, found);
  }

  private rendered(ranked: Ranked, marked: ReadonlySet<string>, records: readonly QuestionRecord[]): SearchResult {
    return {
      total: ranked.total,
      hits: renderHits(records, ranked.page, ranked.full, marked, this.texts, this.highlighter),
      facets: ranked.facets,
    };
  }

  async list(request: ListRequest): Promise<ListResult> {
    // Looked up first: nothing may point into the filter buffer across an await.
    const after = request.cursor === undefined ? -1 : await this.store.docOf(request.cursor);
    if (after === undefined) throw new UnknownRecordError(request.cursor as string);
    const columns = this.columns.load(columnsFor(request));
    if (columns) await columns;
    const matches = filtered(this.allDocs, compileFilters(this.tables, this.columns, request), this.filterBuffer);
    const start = firstAtLeast(matches, after + 1) + request.offset;
    const end = start + request.limit;
    const page = Array.from(matches.subarray(start, end));
    return { total: matches.length, records: await this.store.records(page), more: end < matches.length };
  }

  async record(id: string): Promise<QuestionRecord | undefined> {
    const doc = await this.store.docOf(id);
    return doc === undefined ? undefined : (await this.store.records([doc]))[0];
  }

  answerGroups(request: AnswerGroupsRequest): Promise<AnswerGroupsResult> {
    return this.research.answerGroups(request);
  }

  answerGroup(id: string): Promise<AnswerGroup | undefined> {
    return this.research.answerGroup(id);
  }

  related(id: string): Promise<RelatedQuestion[] | undefined> {
    return this.research.related(id);
  }

  async suggest(request: SuggestRequest): Promise<Suggestion[]> {
    if (!this.suggester) {
      const { vocabulary } = await this.terms.index();
      this.suggester ??= new Suggester(vocabulary, this.tables.facetValues.member, this.meta.facets.member);
    }
    return this.suggester.suggest(request.q, request.limit);
  }

  async plannedKeys(q: string): Promise<string[]> {
    return planSearch(q, await this.terms.index()).lookups;
  }

  /** Every record, in record order (callers must not mutate it). */
  private get allDocs(): Int32Array {
    this.allDocsList ??= docRange(this.tables.dateOrder.length);
    return this.allDocsList;
  }

  /**
   * The full matches that hold every phrase word for word, read from their records, handed with
   * the matches to `then`. When the records must be fetched, that is an await: the matches, the
   * full ones and the scores are copied out first, and the scores put back after, since another
   * search may use the scratch space meanwhile. `then` runs in the same callback as the restore:
   * a second callback would let another search's restore run between the two (seen as two
   * concurrent phrase searches answering each other's hits).
   */
  private reread<T>(
    matches: Int32Array,
    full: Int32Array,
    phrases: readonly string[][],
    then: (matches: Int32Array, full: Int32Array) => T | Promise<T>,
  ): T | Promise<T> {
    const holding = (candidates: Int32Array, records: readonly QuestionRecord[]) =>
      this.tiers.keep(candidates, (_, at) => this.phrases.holds(records[at] as QuestionRecord, phrases, this.texts));
    const found = this.store.records(Array.from(full));
    if (!(found instanceof Promise)) return then(matches, holding(full, found));
    const saved = matches.slice();
    const candidates = full.slice();
    const scores = Float64Array.from(saved, (doc) => this.scores.total[doc] as number);
    return found.then((records) => {
      this.scores.restore(saved, scores);
      return then(saved, holding(candidates, records));
    });
  }

  /** The build's counts over the whole collection, or each facet's `limit` values with the most. */
  private collectionFacets(limit: number | undefined): SearchResult["facets"] {
    if (limit === undefined) return this.meta.facets;
    let facets = this.browseFacets.get(limit);
    if (!facets) {
      facets = topFacetValues(this.meta.facets, this.tables.facetValues, limit);
      // Bounded: a client cycling through every limit keeps at most a few dozen answers.
      if (this.browseFacets.size >= 32) this.browseFacets.clear();
      this.browseFacets.set(limit, facets);
    }
    return facets;
  }

  /**
   * The facet counts over `matches`. When they are all the records of the one key the search looks
   * up, the counts are the key's: read from the build's for a common key, or counted once and kept
   * (key-facets.ts). Any other search counts its matches.
   */
  private facetsOf(request: SearchRequest, plan: SearchPlan, matches: Int32Array): SearchResult["facets"] {
    const limit = request.facetLimit;
    const index = limit !== undefined && limit > 0 ? this.terms.ready() : null;
    const key = index && soleKey(plan);
    const position = key ? index.keyPosition.get(key) : undefined;
    this.facetTally ??= new FacetTally(this.tables.facetValues, this.columns.facet);
    if (index === null || position === undefined) return this.facetTally.count(matches, matches.length, limit);
    this.keyFacets ??= new KeyFacets(index.keyFacetLists, this.tables.facetValues, index.keyDf);
    const read = this.keyFacets.top(position, matches.length, limit as number);
    if (read) return read;
    const counted = this.facetTally.count(matches, matches.length, limit);
    return this.keyFacets.keep(position, matches.length, limit as number, counted);
  }

  /** The page's records in order, `total`, and the facet counts over every match. */
  private rank(request: SearchRequest, plan: SearchPlan, matches: Int32Array, scored: boolean): Ranked {
    const count = request.offset + request.limit;
    if (request.collapse === "answer") return this.rankCollapsed(request, plan, matches, scored);
    if (matches === this.allDocs) {
      // Browsing everything: the page is the head of a list sorted once per engine, and the
      // build already counted the whole collection's facets.
      const page = this.ordering.browse(request.sort, count).slice(request.offset);
      return {
        total: matches.length,
        page,
        full: page.map(() => true),
        facets: this.collectionFacets(request.facetLimit),
      };
    }
    const top = this.ordering.top(matches, request.sort, scored ? this.scores.total : null, count);
    const page = top.slice(request.offset);
    return {
      total: matches.length,
      page,
      full: page.map((doc) => !scored || this.tiers.isFull(doc)),
      facets: this.facetsOf(request, plan, matches),
    };
  }

  /** As `rank`, over one match per answer group; the facets still count every match. */
  private rankCollapsed(request: SearchRequest, plan: SearchPlan, matches: Int32Array, scored: boolean): Ranked {
    const scores = scored ? this.scores.total : null;
    const shown = this.collapse.keepBest(matches, this.ordering.comparator(request.sort, scores));
    const facets =
      matches === this.allDocs ? this.collectionFacets(request.facetLimit) : this.facetsOf(request, plan, matches);
    const top = this.ordering.top(shown, request.sort, scores, request.offset + request.limit);
    const page = top.slice(request.offset);
    return { total: shown.length, page, full: page.map((doc) => !scored || this.tiers.isFull(doc)), facets };
  }
}
