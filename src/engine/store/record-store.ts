/**
 * The contract between the engine and where a collection lives. The engine filters, counts facets
 * and orders on typed columns it derives once (columns.ts), never on record objects; it asks for
 * whole records only for those it returns (a page of hits, a listing, a lookup) or must re-read
 * (phrases the pair index cannot settle); and it reads only the postings its plan names. So the
 * same engine serves a bundled collection (everything in memory: bundled.ts) and a sharded one
 * (fetched from static assets on demand: sharded-records.ts, sharded-terms.ts).
 */
import type { QuestionRecord } from "../../schema/record";
import type { TermIndex } from "../term-index";

/** Per-record values that filters read beyond the facet codes; see `RecordStore.column`. */
export type ColumnName = "dateAnswered" | "dateTabled" | "uin";

export interface RecordStore {
  /** One value per document, null where the record has none: `answer.dateAnswered`, `dateTabled` or `uin`. */
  column(name: ColumnName): Promise<ReadonlyArray<string | null>>;
  /**
   * The records at these document numbers, in the same order: synchronously when every one is at
   * hand (a bundled store always; a sharded one when their shards are resident), so that a search
   * that needs to wait for nothing does not.
   */
  records(docs: readonly number[]): QuestionRecord[] | Promise<QuestionRecord[]>;
  /** The document number of the record with this id, or undefined if there is none. */
  docOf(id: string): Promise<number | undefined>;
}

/** Where the term index and its postings come from. */
export interface TermSource {
  /** The term index if it is ready now (bundled: always), so a search need not wait for it. */
  ready(): TermIndex | null;
  /** The term index, built once (a sharded collection first fetches its search tables). */
  index(): Promise<TermIndex>;
  /**
   * Makes these keys' postings readable in the index; null when they already are. A sharded
   * collection fetches the files holding the keys it has not imported yet.
   */
  loadPostings(index: TermIndex, keys: readonly string[]): Promise<void> | null;
}
