/**
 * Filter: turns filter parameters into a per-document test over the typed columns (columns.ts):
 * every check is an integer comparison or a table lookup, resolved from the parameters once per
 * request, never a walk through record objects.
 */
import type { Filters } from "../../schema/query";
import { type Columns, dayNumber } from "../columns";
import type { CollectionTables } from "../compiled";

export type DocPredicate = (doc: number) => boolean;

/** An "any of these values" check: `allowed[code + 1]` is 1 for a wanted value (slot 0 is "none"). */
interface AnyOf {
  codes: Int32Array;
  allowed: Uint8Array;
}

/** `wanted` as codes: positions in `values` (a facet's sorted values) or entries of a code column's table. */
function anyOf(values: readonly string[] | ReadonlyMap<string, number>, wanted: string[], codes: Int32Array): AnyOf {
  const table = values instanceof Map ? (values as ReadonlyMap<string, number>) : null;
  const list = values as readonly string[];
  const allowed = new Uint8Array((table ? table.size : list.length) + 1);
  for (const value of wanted) {
    const code = table ? table.get(value) : list.indexOf(value);
    if (code !== undefined && code >= 0) allowed[code + 1] = 1;
  }
  return { codes, allowed };
}

/**
 * The test every filtered record passes; `null` when no filter is set, so callers can skip
 * filtering altogether. The columns the filters read must be loaded (`columnsFor`).
 */
export function compileFilters(
  tables: Pick<CollectionTables, "facetValues">,
  columns: Columns,
  filters: Filters,
): DocPredicate | null {
  const sets: AnyOf[] = [];
  const { facetValues } = tables;
  if (filters.house !== undefined) sets.push(anyOf(facetValues.house, [filters.house], columns.facet.house));
  // Facets filtered as "any of" the given values.
  for (const name of ["party", "member", "body", "heading"] as const) {
    const wanted = filters[name];
    if (wanted?.length) sets.push(anyOf(facetValues[name], wanted, columns.facet[name]));
  }
  if (filters.answered !== undefined)
    sets.push(anyOf(facetValues.answered, [String(filters.answered)], columns.facet.answered));
  if (filters.uin?.length) {
    const { codes, codeOf } = columns.uin;
    sets.push(
      anyOf(
        codeOf,
        filters.uin.map((uin) => uin.toUpperCase()),
        codes,
      ),
    );
  }
  const answeredRange = filters.from !== undefined || filters.to !== undefined;
  const answeredFrom = filters.from === undefined ? 0 : dayNumber(filters.from);
  const answeredTo = filters.to === undefined ? 99_999_999 : dayNumber(filters.to);
  const tabledRange = filters.tabledFrom !== undefined || filters.tabledTo !== undefined;
  const tabledFrom = filters.tabledFrom === undefined ? 0 : dayNumber(filters.tabledFrom);
  const tabledTo = filters.tabledTo === undefined ? 99_999_999 : dayNumber(filters.tabledTo);
  if (sets.length === 0 && !answeredRange && !tabledRange) return null;

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
    return true;
  };
}

/**
 * The documents of `docs` passing `predicate`, in order, as a view of `out`; `docs` itself when
 * nothing is filtered (callers must not mutate it). Its own loop rather than the matcher's `keep`:
 * a call site that sees only filter predicates stays fast (sharing `keep`'s, which also sees the
 * phrase and clause tests, measured ~6 % slower).
 */
export function filtered(docs: Int32Array, predicate: DocPredicate | null, out: Int32Array): Int32Array {
  if (!predicate) return docs;
  let count = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as number;
    if (predicate(doc)) out[count++] = doc;
  }
  return out.subarray(0, count);
}
