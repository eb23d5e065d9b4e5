/**
 * The functions the request schemas transform and refine values with, named so that the build
 * can compile those schemas into plain validators that call the very same functions
 * (index-build/validators.ts; the Worker checks valid requests without constructing zod). A
 * schema's closure the compiler cannot name is a build error: give it a name here.
 */
import { terms } from "../text/tokenize";
import { decodeCursor } from "./cursor-token";
import { LIMITS } from "./limits";

/** One value of a repeatable parameter is a list of one. */
export function asList(value: unknown): unknown {
  return value === undefined || Array.isArray(value) ? value : [value];
}

/** Plain digits (no sign, exponent or spaces) become a number; "" is absent; anything else fails later. */
export function digitsAsNumber(raw: unknown): unknown {
  return raw === "" ? undefined : typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
}

/** `answered=true` / `answered=false`. */
export function isTrue(value: "true" | "false"): boolean {
  return value === "true";
}

/** Leading and trailing whitespace go. */
export function trimmed(value: string): string {
  return value.trim();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a `YYYY-MM-DD` string names a day of the proleptic Gregorian calendar. Counted, not
 * asked of `Date`: `Date.UTC` reads years 0-99 as 1900-1999, which would refuse `0078-01-01`.
 */
export function isRealDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

const utf8 = new TextEncoder();

/** Bytes of `q` in UTF-8. */
export function queryBytes(q: string): number {
  return utf8.encode(q).length;
}

/** `q` within its byte limit; checked first, so that counting words never runs on a huge string. */
export function withinQueryBytes(q: string): boolean {
  return queryBytes(q) <= LIMITS.queryBytes;
}

/** Words in `q`, counted as the search will split them. */
export function queryWords(q: string): number {
  return terms(q).length;
}

export function withinQueryWords(q: string): boolean {
  return queryWords(q) <= LIMITS.queryTerms;
}

/** Paging deeper than `LIMITS.pageDepth` is refused: it costs as much as it is rarely useful. */
export function withinPageDepth(page: { limit: number; offset: number }): boolean {
  return page.offset + page.limit <= LIMITS.pageDepth;
}

/** A cursor already says where the page starts, so it takes no offset. */
export function noOffsetWithCursor(page: { cursor?: string; offset: number }): boolean {
  return page.cursor === undefined || page.offset === 0;
}

/** Whether `cursor=` is a cursor `encodeCursor` made. */
export function isCursor(cursor: string): boolean {
  return decodeCursor(cursor) !== null;
}

/** The id of the record a (checked) cursor continues after. */
export function cursorRecordId(cursor: string): string {
  return decodeCursor(cursor) as string;
}
