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

export interface Columns {
  /** `facet[name][doc]`: the record's code in `facetValues[name]`, or -1. */
  facet: Record<FacetName, Int32Array>;
  /** 1 where answered. */
  answered: Uint8Array;
  /** Day number of `answer.dateAnswered`, or -1 where there is none. */
  answeredOn: Int32Array;
  /** Day number of `dateTabled`, or -1 where the source gives none. */
  tabledOn: Int32Array;
  /** `dateOrder` (oldest first; unanswered rank after every dated record). */
  dateRank: Int32Array;
}

type ColumnSource = Pick<CompiledCollection, "facetCodes" | "dateOrder"> & { records: readonly QuestionRecord[] };

export function buildColumns(source: ColumnSource): Columns {
  const size = source.records.length;
  const facet = {} as Record<FacetName, Int32Array>;
  for (const name of FACET_NAMES) facet[name] = Int32Array.from(source.facetCodes[name]);
  const answered = new Uint8Array(size);
  const answeredOn = new Int32Array(size).fill(-1);
  const tabledOn = new Int32Array(size).fill(-1);
  for (let doc = 0; doc < size; doc++) {
    const record = source.records[doc] as QuestionRecord;
    answered[doc] = record.answered ? 1 : 0;
    if (record.answer) answeredOn[doc] = dayNumber(record.answer.dateAnswered);
    if (record.dateTabled) tabledOn[doc] = dayNumber(record.dateTabled);
  }
  return { facet, answered, answeredOn, tabledOn, dateRank: Int32Array.from(source.dateOrder) };
}
