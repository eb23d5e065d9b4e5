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
import type { Meta } from "../schema/meta";
import type { QuestionRecord } from "../schema/record";
import type { Suggestion } from "../schema/suggest";
import { AnalysedTextCache, TextAnalyser } from "./analysed-text";
import { Columns, columnsFor } from "./columns";
import type { CollectionTables } from "./compiled";
import { Highlighter } from "./highlight";
import { FacetTally } from "./search/facets";
import { compileFilters, filtered } from "./search/filter";
import { renderHits } from "./search/hits";
import { Matcher } from "./search/match";
import { Ordering } from "./search/order";
import { needsReread, PhraseFilter } from "./search/phrases";
import { BROWSE, hasWords, planSearch, type SearchPlan } from "./search/plan";
import { Scoreboard } from "./search/score";
import { Tiers } from "./search/tiers";
import type { RecordStore, TermSource } from "./store/record-store";
import { Suggester } from "./suggest";
import type { TermIndex } from "./term-index";
import type { Collection, ListRequest, ListResult, SearchRequest, SearchResult, SuggestRequest } from "./types";

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
  // Built on first use, so hydration stays near the parse floor.
  private facetTally: FacetTally | null = null;
  private suggester: Suggester | null = null;
  private allDocsList: Int32Array | null = null;

  constructor(
    private readonly tables: CollectionTables,
    readonly layout: "bundled" | "sharded",
    private readonly store: RecordStore,
    private readonly terms: TermSource,
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
  }

  search(request: SearchRequest): Promise<SearchResult> {
    try {
      // Browsing (no words) needs no term index, so a sharded collection fetches none for it.
      const ready = this.terms.ready();
      if (!ready && hasWords(request.q)) return this.terms.index().then(() => this.search(request));
      const plan = ready ? planSearch(request.q, ready, request.match === "all") : BROWSE;
      const postings = ready ? this.terms.loadPostings(ready, plan.lookups) : null;
      const columns = this.columns.load(columnsFor(request));
      if (postings || columns) return Promise.all([postings, columns]).then(() => this.answer(request, plan, ready));
      // Nothing to wait for (always, bundled): no async machinery, one settled promise.
      const found = this.answer(request, plan, ready);
      return found instanceof Promise ? found : Promise.resolve(found);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The search once its postings and columns are at hand: synchronous (a plain function, which the
   * JIT optimises better than an async one) unless a phrase re-read or the page needs records
   * fetched.
   */
  private answer(
    request: SearchRequest,
    plan: SearchPlan,
    index: TermIndex | null,
  ): SearchResult | Promise<SearchResult> {
    const scored = index !== null && plan.clauses.length > 0;
    let matches = scored ? this.matcher.match(plan, index) : this.allDocs;
    matches = filtered(matches, compileFilters(this.tables, this.columns, request), this.filterBuffer);
    if (!scored) return this.page(request, plan, matches, false);
    let full = this.tiers.complete(matches, plan);
    if (plan.phrases.length > 0) full = this.phrases.prune(full, plan.phrases, index, this.tiers.keep);
    if (plan.phrases.length > 0 && full.length > 0 && needsReread(plan.phrases, index)) {
      const reread = this.reread(matches, full, plan.phrases);
      if (reread instanceof Promise)
        return reread.then((held) => this.page(request, plan, this.tiers.settle(held.matches, held.full, plan), true));
      full = reread.full;
    }
    return this.page(request, plan, this.tiers.settle(matches, full, plan), true);
  }

  /** Orders the matches, counts their facets, and renders the page's hits. */
  private page(
    request: SearchRequest,
    plan: SearchPlan,
    matches: Int32Array,
    scored: boolean,
  ): SearchResult | Promise<SearchResult> {
    const ranked = this.rank(request, matches, scored);
    // A bundled store (or resident shards) answers at once: no await, so no other request runs here.
    const found = this.store.records(ranked.page);
    return found instanceof Promise
      ? found.then((records) => this.rendered(ranked, plan, records))
      : this.rendered(ranked, plan, found);
  }

  private rendered(ranked: Ranked, plan: SearchPlan, records: readonly QuestionRecord[]): SearchResult {
    return {
      total: ranked.total,
      hits: renderHits(records, ranked.full, plan.marked, this.texts, this.highlighter),
      facets: ranked.facets,
    };
  }

  async list(request: ListRequest): Promise<ListResult> {
    const columns = this.columns.load(columnsFor(request));
    if (columns) await columns;
    const matches = filtered(this.allDocs, compileFilters(this.tables, this.columns, request), this.filterBuffer);
    const page = Array.from(matches.subarray(request.offset, request.offset + request.limit));
    return { total: matches.length, records: await this.store.records(page) };
  }

  async record(id: string): Promise<QuestionRecord | undefined> {
    const doc = await this.store.docOf(id);
    return doc === undefined ? undefined : (await this.store.records([doc]))[0];
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
    this.allDocsList ??= Int32Array.from(this.tables.dateOrder, (_, doc) => doc);
    return this.allDocsList;
  }

  /**
   * The full matches that hold every phrase word for word, read from their records. When the
   * records must be fetched, that is an await: the matches, the full ones and the scores are
   * copied out first, and the scores put back after, since another search may use the scratch
   * space meanwhile.
   */
  private reread(
    matches: Int32Array,
    full: Int32Array,
    phrases: readonly string[][],
  ): { matches: Int32Array; full: Int32Array } | Promise<{ matches: Int32Array; full: Int32Array }> {
    const holding = (candidates: Int32Array, records: readonly QuestionRecord[]) =>
      this.tiers.keep(candidates, (_, at) => this.phrases.holds(records[at] as QuestionRecord, phrases, this.texts));
    const found = this.store.records(Array.from(full));
    if (!(found instanceof Promise)) return { matches, full: holding(full, found) };
    const saved = matches.slice();
    const candidates = full.slice();
    const scores = Float64Array.from(saved, (doc) => this.scores.total[doc] as number);
    return found.then((records) => {
      this.scores.restore(saved, scores);
      return { matches: saved, full: holding(candidates, records) };
    });
  }

  /** The page's records in order, `total`, and the facet counts over every match. */
  private rank(request: SearchRequest, matches: Int32Array, scored: boolean): Ranked {
    const count = request.offset + request.limit;
    if (matches === this.allDocs) {
      // Browsing everything: the page is the head of a list sorted once per engine, and the
      // build already counted the whole collection's facets.
      const page = this.ordering.browse(request.sort, count).slice(request.offset);
      return { total: matches.length, page, full: page.map(() => true), facets: this.meta.facets };
    }
    this.facetTally ??= new FacetTally(this.tables.facetValues, this.columns.facet);
    const top = this.ordering.top(matches, request.sort, scored ? this.scores.total : null, count);
    const page = top.slice(request.offset);
    return {
      total: matches.length,
      page,
      full: page.map((doc) => !scored || this.tiers.isFull(doc)),
      facets: this.facetTally.count(matches, matches.length),
    };
  }
}
