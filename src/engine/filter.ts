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
  if (filters.party?.length) {
    const codes = codesOf(facetValues.party, filters.party);
    checks.push((doc) => codes.has(facetCodes.party[doc] ?? -1));
  }
  if (filters.member?.length) {
    const codes = codesOf(facetValues.member, filters.member);
    checks.push((doc) => codes.has(facetCodes.member[doc] ?? -1));
  }
  if (filters.body?.length) {
    const codes = codesOf(facetValues.body, filters.body);
    checks.push((doc) => codes.has(facetCodes.body[doc] ?? -1));
  }
  if (filters.heading?.length) {
    const codes = codesOf(facetValues.heading, filters.heading);
    checks.push((doc) => codes.has(facetCodes.heading[doc] ?? -1));
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
