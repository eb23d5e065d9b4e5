/** Small zod building blocks shared by every schema: houses, ISO dates, ids. */
import { z } from "zod";

export const House = z.enum(["Commons", "Lords"], { error: "expected Commons or Lords" }).meta({
  id: "House",
  description: "The House of Parliament the question was tabled in.",
});
export type House = z.infer<typeof House>;

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

/** A calendar date as `YYYY-MM-DD`, rejecting impossible dates such as 2021-02-30. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date as YYYY-MM-DD", abort: true })
  .refine(isRealDate, "expected a real calendar date")
  // No component id: a shared component would absorb `nullable` from the fields that allow null.
  .meta({ description: "A calendar date, YYYY-MM-DD.", format: "date", example: "2021-09-15" });

/** Record ids are URL-safe so they can sit in a path segment unescaped. */
export const RecordId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "expected 1-64 characters from A-Z a-z 0-9 _ -")
  .meta({ id: "RecordId", description: "Stable, URL-safe record id.", example: "q7k2m9x4c1ab" });

/** Non-empty text with no leading or trailing whitespace. */
export const Text = z.string().trim().min(1, "expected non-empty text");
