/**
 * The collection's per-record values that filters, facets and ordering read, as typed arrays: one
 * array read per record instead of walking record objects. Facet codes come with every layout; the
 * date and UIN columns are derived once per engine, the first time a filter needs them, from the
 * values the record store gives (a sharded store fetches the tabling dates and UINs for that first
 * request only), so hydration does not pay for them.
 */
import { FACET_NAMES, type FacetName } from "../schema/facets";
import type { Filters } from "../schema/query";
import type { CollectionTables } from "./compiled";
import type { ColumnName, RecordStore } from "./store/record-store";
import { SharedFetches } from "./store/shared-fetches";

/** `2016-05-03` → 20160503: ISO dates order as these integers do. */
export function dayNumber(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 10_000 + Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10));
}

/** Text values as codes: `codes[doc]` indexes the distinct values (`codeOf`), or is -1 where there is none. */
export interface CodeColumn {
  codes: Int32Array;
  codeOf: ReadonlyMap<string, number>;
}

/** Day numbers of a date column, -1 where there is no date. */
function days(values: ArrayLike<string | null>): Int32Array {
  const column = new Int32Array(values.length).fill(-1);
  for (let doc = 0; doc < values.length; doc++) {
    const date = values[doc];
    if (date) column[doc] = dayNumber(date);
  }
  return column;
}

/** UINs, upper-cased (people type hl12826 as often as HL12826), as codes. */
function uinCodes(values: ArrayLike<string | null>): CodeColumn {
  const codes = new Int32Array(values.length).fill(-1);
  const codeOf = new Map<string, number>();
  for (let doc = 0; doc < values.length; doc++) {
    const uin = values[doc]?.toUpperCase();
    if (uin === undefined) continue;
    let code = codeOf.get(uin);
    if (code === undefined) {
      code = codeOf.size;
      codeOf.set(uin, code);
    }
    codes[doc] = code;
  }
  return { codes, codeOf };
}

export class Columns {
  private facetColumns: Record<FacetName, Int32Array> | null = null;
  private answeredOnColumn: Int32Array | null = null;
  private tabledOnColumn: Int32Array | null = null;
  private uinColumn: CodeColumn | null = null;
  private readonly derivations = new SharedFetches<ColumnName, void>();

  constructor(
    private readonly tables: Pick<CollectionTables, "facetCodes">,
    private readonly store: RecordStore,
  ) {}

  /** `facet[name][doc]`: the record's code in `facetValues[name]`, or -1. */
  get facet(): Record<FacetName, Int32Array> {
    if (!this.facetColumns) {
      const facet = {} as Record<FacetName, Int32Array>;
      for (const name of FACET_NAMES) facet[name] = Int32Array.from(this.tables.facetCodes[name]);
      this.facetColumns = facet;
    }
    return this.facetColumns;
  }

  /** Day number of `answer.dateAnswered`, or -1 where there is none. Needs `load(["dateAnswered"])`. */
  get answeredOn(): Int32Array {
    return this.loaded(this.answeredOnColumn, "dateAnswered");
  }

  /** Day number of `dateTabled`, or -1 where the source gives none. Needs `load(["dateTabled"])`. */
  get tabledOn(): Int32Array {
    return this.loaded(this.tabledOnColumn, "dateTabled");
  }

  /** The upper-cased UIN's code. Needs `load(["uin"])`. */
  get uin(): CodeColumn {
    return this.loaded(this.uinColumn, "uin");
  }

  /** Derives the named columns not derived yet; null when there is nothing to wait for. */
  load(names: readonly ColumnName[]): Promise<void> | null {
    if (names.length === 0) return null;
    const waits = names.filter((name) => !this.has(name)).map((name) => this.derive(name));
    return waits.length === 0 ? null : Promise.all(waits).then(() => undefined);
  }

  private has(name: ColumnName): boolean {
    if (name === "dateAnswered") return this.answeredOnColumn !== null;
    if (name === "dateTabled") return this.tabledOnColumn !== null;
    return this.uinColumn !== null;
  }

  /** One derivation per column, shared by concurrent requests; a failed fetch is retried by the next. */
  private derive(name: ColumnName): Promise<void> {
    return this.derivations.get(name, async () => {
      const values = await this.store.column(name);
      if (name === "dateAnswered") this.answeredOnColumn = days(values);
      else if (name === "dateTabled") this.tabledOnColumn = days(values);
      else this.uinColumn = uinCodes(values);
    });
  }

  private loaded<T>(column: T | null, name: ColumnName): T {
    if (column === null) throw new Error(`pqsearch: the ${name} column was read before it was loaded`);
    return column;
  }
}

const NONE: readonly ColumnName[] = [];

/** The columns a request's filters read beyond the facet codes. */
export function columnsFor(filters: Filters): readonly ColumnName[] {
  // Most requests filter on facets only: no list to make.
  if (
    filters.from === undefined &&
    filters.to === undefined &&
    filters.tabledFrom === undefined &&
    filters.tabledTo === undefined &&
    !filters.uin?.length
  )
    return NONE;
  const names: ColumnName[] = [];
  if (filters.from !== undefined || filters.to !== undefined) names.push("dateAnswered");
  if (filters.tabledFrom !== undefined || filters.tabledTo !== undefined) names.push("dateTabled");
  if (filters.uin?.length) names.push("uin");
  return names;
}
