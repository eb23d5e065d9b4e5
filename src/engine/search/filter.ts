/**
 * Turns filter parameters into a per-document test over the typed columns: every check is an
 * integer comparison or a table lookup, resolved from the parameters once per request.
 */
import type { Filters } from "../schema/query";
import type { QuestionRecord } from "../schema/record";
import type { Columns } from "./columns";
import { dayNumber } from "./columns";
import type { CompiledCollection } from "./compiled";

export type DocPredicate = (doc: number) => boolean;

/** An "any of these values" check: `allowed[code + 1]` is 1 for a wanted value (slot 0 is "none"). */
interface AnyOf {
  codes: Int32Array;
  allowed: Uint8Array;
}

function anyOf(values: string[], wanted: string[], codes: Int32Array): AnyOf {
  const allowed = new Uint8Array(values.length + 1);
  for (const value of wanted) {
    const code = values.indexOf(value);
    if (code >= 0) allowed[code + 1] = 1;
  }
  return { codes, allowed };
}

type FilterTables = Pick<CompiledCollection, "facetValues"> & { records: readonly QuestionRecord[] };

/** `null` when no filter is set, so callers can skip filtering altogether. */
export function compileFilters(collection: FilterTables, columns: Columns, filters: Filters): DocPredicate | null {
  const sets: AnyOf[] = [];
  if (filters.house !== undefined) sets.push(anyOf(collection.facetValues.house, [filters.house], columns.facet.house));
  // Facets filtered as "any of" the given values.
  for (const facet of ["party", "member", "body", "heading"] as const) {
    const wanted = filters[facet];
    if (wanted?.length) sets.push(anyOf(collection.facetValues[facet], wanted, columns.facet[facet]));
  }
  if (filters.answered !== undefined) {
    sets.push(anyOf(collection.facetValues.answered, [String(filters.answered)], columns.facet.answered));
  }
  // Case-blind: people type hl12826 as often as HL12826. Rare enough to read the record itself.
  const uins = filters.uin?.length ? new Set(filters.uin.map((uin) => uin.toUpperCase())) : null;
  const answeredRange = filters.from !== undefined || filters.to !== undefined;
  const answeredFrom = filters.from === undefined ? 0 : dayNumber(filters.from);
  const answeredTo = filters.to === undefined ? 99_999_999 : dayNumber(filters.to);
  const tabledRange = filters.tabledFrom !== undefined || filters.tabledTo !== undefined;
  const tabledFrom = filters.tabledFrom === undefined ? 0 : dayNumber(filters.tabledFrom);
  const tabledTo = filters.tabledTo === undefined ? 99_999_999 : dayNumber(filters.tabledTo);
  if (sets.length === 0 && !uins && !answeredRange && !tabledRange) return null;

  const { records } = collection;
  // Date columns are read only when filtered on (a sharded collection fetches tabling dates for such requests only).
  const answeredOn = answeredRange ? columns.answeredOn : null;
  const tabledOn = tabledRange ? columns.tabledOn : null;
  return (doc) => {
    for (let i = 0; i < sets.length; i++) {
      const set = sets[i] as AnyOf;
      if (set.allowed[(set.codes[doc] as number) + 1] !== 1) return false;
    }
    if (answeredOn) {
      const day = answeredOn[doc] as number;
      if (day < 0 || day < answeredFrom || day > answeredTo) return false;
    }
    if (tabledOn) {
      const day = tabledOn[doc] as number;
      if (day < 0 || day < tabledFrom || day > tabledTo) return false;
    }
    if (uins) {
      const uin = records[doc]?.uin;
      if (uin === undefined || !uins.has(uin.toUpperCase())) return false;
    }
    return true;
  };
}
