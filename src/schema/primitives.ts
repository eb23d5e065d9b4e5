/**
 * Small zod building blocks shared by every schema: houses, ISO dates, ids. Every schema in
 * src/schema is written with `zod/mini` (tree-shakable functions, no locale): the build, the
 * tests, the OpenAPI generator and the Worker's error messages use the very same schemas, and the
 * build compiles the request schemas into plain validators (index-build/validators.ts), so the
 * Worker constructs none at start-up. Metadata for the OpenAPI document is `register`ed on the
 * schema it describes when that schema is new (a `z.meta` check would clone it and pass an id on
 * to every schema derived from it); a shared schema described at one use is cloned with `z.meta`.
 */
import * as z from "zod/mini";
import { isRealDate } from "./rules";

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

const DATE_EXPECTED = "expected a date as YYYY-MM-DD";

/** A calendar date as `YYYY-MM-DD`, rejecting impossible dates such as 2021-02-30. */
export const IsoDate = z
  .string({ error: textExpected(DATE_EXPECTED) })
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE_EXPECTED, abort: true }),
    z.refine(isRealDate, "expected a real calendar date"),
  )
  .register(z.globalRegistry, { description: "A calendar date, YYYY-MM-DD.", format: "date", example: "2021-09-15" });

/** Record ids are URL-safe so they can sit in a path segment unescaped. */
export const RecordId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "expected 1-64 characters from A-Z a-z 0-9 _ -"))
  .register(z.globalRegistry, { id: "RecordId", description: "Stable, URL-safe record id.", example: "q7k2m9x4c1ab" });

/** Non-empty text with no leading or trailing whitespace. */
export const Text = z.string().check(z.trim(), z.minLength(1, "expected non-empty text"));
