/**
 * The API's filters as a plain test of one record, for the peers (which have no such filters) and
 * for grading (a filter query's relevant records are only those that pass its filters). Same
 * semantics as `/v1/search`: facets are "any of", `from`/`to` bound `dateAnswered`, inclusive.
 */
import type { Filters } from "../src/schema/query";
import type { QuestionRecord } from "../src/schema/record";

export type QueryFilters = Partial<Filters>;

const anyOf = (wanted: readonly string[] | undefined, value: string | null | undefined) =>
  !wanted?.length || (value != null && wanted.includes(value));

const within = (date: string | null | undefined, from: string | undefined, to: string | undefined) =>
  (from === undefined && to === undefined) ||
  (date != null && (from === undefined || date >= from) && (to === undefined || date <= to));

export function passesFilters(record: QuestionRecord, filters: QueryFilters | undefined): boolean {
  if (!filters) return true;
  return (
    (filters.house === undefined || record.house === filters.house) &&
    anyOf(filters.party, record.askingMember.party) &&
    anyOf(filters.member, record.askingMember.name) &&
    anyOf(filters.body, record.answeringBody) &&
    anyOf(filters.heading, record.heading) &&
    (filters.answered === undefined || record.answered === filters.answered) &&
    within(record.answer?.dateAnswered, filters.from, filters.to) &&
    within(record.dateTabled, filters.tabledFrom, filters.tabledTo) &&
    (!filters.uin?.length || filters.uin.some((uin) => uin.toUpperCase() === record.uin?.toUpperCase()))
  );
}
