/** Turns filter parameters into a per-document predicate over precomputed facet codes. */
import type { Filters } from "../schema/query";
import type { CompiledCollection } from "./compiled";

export type DocPredicate = (doc: number) => boolean;

function codesOf(values: string[], wanted: string[]): Set<number> {
  const codes = new Set<number>();
  for (const value of wanted) {
    const code = values.indexOf(value);
    if (code >= 0) codes.add(code);
  }
  return codes;
}

/** `null` when no filter is set, so callers can skip filtering altogether. */
export function compileFilters(collection: CompiledCollection, filters: Filters): DocPredicate | null {
  const checks: DocPredicate[] = [];
  const { facetValues, facetCodes, records } = collection;
  if (filters.house !== undefined) {
    const code = facetValues.house.indexOf(filters.house);
    checks.push((doc) => facetCodes.house[doc] === code);
  }
  // Facets filtered as "any of" the given values, through the codes the build precomputed.
  for (const facet of ["party", "member", "body", "heading"] as const) {
    const wanted = filters[facet];
    if (!wanted?.length) continue;
    const codes = codesOf(facetValues[facet], wanted);
    const docCodes = facetCodes[facet];
    checks.push((doc) => codes.has(docCodes[doc] ?? -1));
  }
  if (filters.uin?.length) {
    // Case-blind: people type hl12826 as often as HL12826.
    const uins = new Set(filters.uin.map((uin) => uin.toUpperCase()));
    checks.push((doc) => {
      const uin = records[doc]?.uin;
      return uin !== undefined && uins.has(uin.toUpperCase());
    });
  }
  if (filters.tabledFrom !== undefined || filters.tabledTo !== undefined) {
    const from = filters.tabledFrom ?? "0000-00-00";
    const to = filters.tabledTo ?? "9999-99-99";
    checks.push((doc) => {
      const date = records[doc]?.dateTabled;
      return date != null && date >= from && date <= to;
    });
  }
  if (filters.answered !== undefined) {
    const answered = filters.answered;
    checks.push((doc) => records[doc]?.answered === answered);
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    const from = filters.from ?? "0000-00-00";
    const to = filters.to ?? "9999-99-99";
    checks.push((doc) => {
      const date = records[doc]?.answer?.dateAnswered;
      return date !== undefined && date >= from && date <= to;
    });
  }
  if (checks.length === 0) return null;
  return (doc) => checks.every((check) => check(doc));
}
