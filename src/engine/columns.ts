/**
 * The collection's per-record values that filters, facets and sorting read, as typed arrays: one
 * array read per record instead of walking record objects. Derived once per isolate, on first use,
 * from what the build already resolved (facet codes, sort ranks, ISO dates), so hydration does not
 * pay for it and a listing that filters nothing never builds it.
 */
import { FACET_NAMES, type FacetName } from "../schema/facets";
import type { QuestionRecord } from "../schema/record";
import type { CompiledCollection } from "./compiled";

/** `2016-05-03` → 20160503: ISO dates order as these integers do. */
export function dayNumber(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 10_000 + Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10));
}

type ColumnSource = Pick<CompiledCollection, "facetCodes" | "dateOrder"> & { records: readonly QuestionRecord[] };

/**
 * Each column is built the first time a request reads it. That matters beyond start-up: in a
 * sharded collection the records are skeletons, and a skeleton's tabling date is fetched only
 * for requests that filter on it (see skeletons.ts), so building every column up front would
 * read what is not there.
 */
export class Columns {
  private facetColumns: Record<FacetName, Int32Array> | null = null;
  private answeredOnColumn: Int32Array | null = null;
  private tabledOnColumn: Int32Array | null = null;

  constructor(private readonly source: ColumnSource) {}

  /** `facet[name][doc]`: the record's code in `facetValues[name]`, or -1. */
  get facet(): Record<FacetName, Int32Array> {
    if (!this.facetColumns) {
      const facet = {} as Record<FacetName, Int32Array>;
      for (const name of FACET_NAMES) facet[name] = Int32Array.from(this.source.facetCodes[name]);
      this.facetColumns = facet;
    }
    return this.facetColumns;
  }

  /** Day number of `answer.dateAnswered`, or -1 where there is none. */
  get answeredOn(): Int32Array {
    this.answeredOnColumn ??= this.days((record) => record.answer?.dateAnswered ?? null);
    return this.answeredOnColumn;
  }

  /** Day number of `dateTabled`, or -1 where the source gives none. */
  get tabledOn(): Int32Array {
    this.tabledOnColumn ??= this.days((record) => record.dateTabled);
    return this.tabledOnColumn;
  }

  private days(dateOf: (record: QuestionRecord) => string | null): Int32Array {
    const { records } = this.source;
    const column = new Int32Array(records.length).fill(-1);
    for (let doc = 0; doc < records.length; doc++) {
      const date = dateOf(records[doc] as QuestionRecord);
      if (date) column[doc] = dayNumber(date);
    }
    return column;
  }
}
