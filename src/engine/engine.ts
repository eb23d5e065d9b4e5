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
import { COMPILED_FORMAT_VERSION, type CompiledCollection } from "./compiled";
import { countFacets } from "./facet-counts";
import { SEARCH_FIELDS } from "./fields";
import { compileFilters } from "./filter";
import { importFieldIndex, RESOLUTION } from "./flex";
import { highlightAll, highlightSnippet } from "./highlight";
import { parseQuery } from "./query";

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
  index: Index;
}

export class SearchEngine {
  readonly meta: Meta;
  private readonly collection: CompiledCollection;
  private readonly fields: FieldIndex[];
  private readonly docById: Map<string, number>;
  private readonly allDocs: number[];

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
      if (!chunks) throw new Error(`pqsearch: compiled collection lacks the index for field ${field.name}`);
      return { weight: field.weight, index: importFieldIndex(chunks) };
    });
    this.docById = new Map(collection.records.map((record, doc) => [record.id, doc]));
    this.allDocs = collection.records.map((_, doc) => doc);
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

  search(request: SearchRequest): SearchResult {
    const query = parseQuery(request.q);
    const scores = query.terms.length > 0 ? this.score(query.terms) : null;
    const candidates = scores ? [...scores.keys()] : this.allDocs;
    const matches = this.filtered(candidates, request);
    this.sort(matches, request.sort, scores);
    const wanted = new Set(query.terms);
    const isMatch = (term: string) => wanted.has(term);
    const hits = matches.slice(request.offset, request.offset + request.limit).map((doc) => {
      const record = this.collection.records[doc] as QuestionRecord;
      return {
        id: record.id,
        house: record.house,
        askingMember: record.askingMember,
        answered: record.answered,
        dateAnswered: record.answer?.dateAnswered ?? null,
        questionText: record.questionText,
        highlights: {
          questionText: highlightAll(record.questionText, isMatch),
          answerText: record.answer ? highlightSnippet(record.answer.text, isMatch) : null,
        },
      };
    });
    return { total: matches.length, hits, facets: countFacets(this.collection, matches) };
  }

  /**
   * Documents holding every term (in any field), with a relevance score: for each term, its
   * rarity (BM25's idf) times the weighted position score of every field it appears in.
   */
  private score(terms: string[]): Map<number, number> {
    let scores: Map<number, number> | null = null;
    const total = this.collection.records.length;
    for (const term of terms) {
      const termScores = new Map<number, number>();
      for (const field of this.fields) {
        const buckets = field.index.search(term, { resolve: false }).result as Array<number[] | null | undefined>;
        buckets.forEach((docs, bucket) => {
          if (!docs) return;
          const positionScore = field.weight * (1 - bucket / (2 * RESOLUTION));
          for (const doc of docs) termScores.set(doc, (termScores.get(doc) ?? 0) + positionScore);
        });
      }
      const idf = Math.log(1 + (total - termScores.size + 0.5) / (termScores.size + 0.5));
      const next = new Map<number, number>();
      for (const [doc, termScore] of termScores) {
        if (scores === null) next.set(doc, idf * termScore);
        else {
          const previous = scores.get(doc);
          if (previous !== undefined) next.set(doc, previous + idf * termScore);
        }
      }
      scores = next;
      if (scores.size === 0) break;
    }
    return scores ?? new Map();
  }

  private filtered(docs: number[], filters: Filters): number[] {
    const predicate = compileFilters(this.collection, filters);
    return predicate ? docs.filter(predicate) : [...docs];
  }

  private sort(docs: number[], sort: Sort, scores: Map<number, number> | null): void {
    const { dateOrder } = this.collection;
    const date = (doc: number) => dateOrder[doc] as number;
    const unanswered = this.collection.records.length;
    const newestFirst = (a: number, b: number) => {
      // Unanswered records carry the highest rank; they belong after every dated one.
      const da = date(a) >= unanswered ? -1 : date(a);
      const db = date(b) >= unanswered ? -1 : date(b);
      return db - da;
    };
    if (sort === "oldest") docs.sort((a, b) => date(a) - date(b) || a - b);
    else if (sort === "newest" || scores === null) docs.sort((a, b) => newestFirst(a, b) || a - b);
    else docs.sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number) || newestFirst(a, b) || a - b);
  }
}
