/**
 * Small zod building blocks shared by every schema: houses, ISO dates, ids. Every schema in
 * src/schema is written with `zod/mini`: the Worker bundles the ones it validates requests with,
 * and mini's functions tree-shake and construct cheaply at start-up, where classic zod's chained
 * methods would bring all of zod (and its locales) along. The build, the tests and the OpenAPI
 * generator use the very same schemas. A schema that is a component of the OpenAPI document is
 * `register`ed with its id (a `z.meta` check would pass the id on to every schema derived from
 * it); other metadata is a `z.meta` check, which derived schemas inherit.
 */
import * as z from "zod/mini";

export const House = z.enum(["Commons", "Lords"], { error: "expected Commons or Lords" }).register(z.globalRegistry, {
  id: "House",
  description: "The House of Parliament the question was tabled in.",
});
export type House = z.infer<typeof House>;

/**
 * The message for a value that is not text. From a query string that can only be a parameter
 * given twice; from a seed file, a number or a list where text belongs.
 */
export function textExpected(expected: string) {
  return (issue: { input?: unknown }) => (Array.isArray(issue.input) ? "expected a single value" : expected);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a `YYYY-MM-DD` string names a day of the proleptic Gregorian calendar. Counted, not
 * asked of `Date`: `Date.UTC` reads years 0-99 as 1900-1999, which would refuse `0078-01-01`.
 */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

const DATE_EXPECTED = "expected a date as YYYY-MM-DD";

/** A calendar date as `YYYY-MM-DD`, rejecting impossible dates such as 2021-02-30. */
export const IsoDate = z.string({ error: textExpected(DATE_EXPECTED) }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE_EXPECTED, abort: true }),
  z.refine(isRealDate, "expected a real calendar date"),
  // No component id: a shared component would absorb `nullable` from the fields that allow null.
  z.meta({ description: "A calendar date, YYYY-MM-DD.", format: "date", example: "2021-09-15" }),
);

/** Record ids are URL-safe so they can sit in a path segment unescaped. */
export const RecordId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "expected 1-64 characters from A-Z a-z 0-9 _ -"))
  .register(z.globalRegistry, { id: "RecordId", description: "Stable, URL-safe record id.", example: "q7k2m9x4c1ab" });

/** Non-empty text with no leading or trailing whitespace. */
export const Text = z.string().check(z.trim(), z.minLength(1, "expected non-empty text"));
