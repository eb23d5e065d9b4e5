/**
 * Query-string parameters shared by `/v1/search` and `/v1/records`, with the messages users see.
 * Every parameter is bounded (LIMITS): a request can ask for only so much work. Every way a
 * request can be wrong has its own message here: the Worker carries no zod locale to fall back
 * on. Transforms and refinements call the named functions of rules.ts, so that the build can
 * compile these schemas (index-build/validators.ts).
 */
import * as z from "zod/mini";
import { Cursor } from "./cursor";
import { DEFAULT_FACET_LIMIT, LIMITS } from "./limits";
import { House, IsoDate, textExpected } from "./primitives";
import {
  asList,
  digitsAsNumber,
  isTrue,
  noOffsetWithCursor,
  queryBytes,
  queryWords,
  trimmed,
  withinPageDepth,
  withinQueryBytes,
  withinQueryWords,
} from "./rules";

export { DEFAULT_FACET_LIMIT, LIMITS };

/** The values of a repeatable parameter. */
const Values = z.optional(
  z
    .array(
      z
        .string()
        .check(
          z.overwrite(trimmed),
          z.minLength(1, "expected a non-empty value"),
          z.maxLength(LIMITS.valueChars, `expected at most ${LIMITS.valueChars} characters`),
        ),
    )
    .check(z.maxLength(LIMITS.repeatedValues, `expected at most ${LIMITS.repeatedValues} values`)),
);

/**
 * A parameter that may be given several times (`?party=A&party=B`); one value arrives as a string.
 * Every such parameter shares its parts and adds one schema, which carries its description.
 */
function repeatable(description: string) {
  return z
    .pipe(z.transform(asList), Values)
    .register(z.globalRegistry, { description, param: { style: "form", explode: true } });
}

/**
 * A whole-number query parameter: plain digits (no sign, exponent or spaces) from `min` to `max`,
 * `fallback` when absent or empty. Read from the query string's text into a number before zod
 * checks it, so the OpenAPI document says what it is: an integer with bounds and a default.
 */
export function wholeNumber(min: number, max: number, fallback: number, description = "") {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z
    .pipe(
      z.transform(digitsAsNumber),
      z._default(z.int({ error: expected }).check(z.gte(min, expected), z.lte(max, expected)), fallback),
    )
    .register(z.globalRegistry, {
      description: `${description}Whole number from ${min} to ${max}; default ${fallback}.`,
    });
}

/** How many of the query's words a record must match (`/v1/search?match=`). */
export const MatchStrategy = z.enum(["any", "all"], { error: "expected any or all" });
export type MatchStrategy = z.infer<typeof MatchStrategy>;

export const Sort = z.enum(["relevance", "newest", "oldest"], { error: "expected relevance, newest or oldest" });
export type Sort = z.infer<typeof Sort>;

/** `schema`, which must be new, with a description for the OpenAPI document. */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** Filters that narrow any listing. `from`/`to` filter on `dateAnswered`, `tabledFrom`/`tabledTo` on `dateTabled`, inclusive. */
export const FilterParams = z.object({
  house: described(z.optional(House), "Commons or Lords."),
  party: repeatable("Asking member's party, exact name as listed by /v1/meta; repeatable (any of)."),
  member: repeatable("Asking member's name, exact as listed by /v1/meta; repeatable (any of)."),
  answered: described(
    z.optional(z.pipe(z.enum(["true", "false"], { error: "expected true or false" }), z.transform(isTrue))),
    "true for answered questions, false for unanswered.",
  ),
  from: described(z.optional(IsoDate), "Answered on or after this date."),
  to: described(z.optional(IsoDate), "Answered on or before this date."),
  body: repeatable("Answering body (department), exact name as listed by /v1/meta; repeatable (any of)."),
  heading: repeatable("Heading, exact as listed by /v1/meta; repeatable (any of)."),
  uin: repeatable(
    "The question's UIN (e.g. 146937, HL12826), any case; repeatable (any of). UINs repeat across sessions, so one may match several records.",
  ),
  tabledFrom: described(z.optional(IsoDate), "Tabled on or after this date."),
  tabledTo: described(z.optional(IsoDate), "Tabled on or before this date."),
});

/** `q`: bounded in bytes first (and then no further), so counting its words never runs on a huge string. */
export const Query = z
  ._default(z.string({ error: textExpected("expected text") }), "")
  .check(
    z.refine(withinQueryBytes, {
      abort: true,
      error: (issue) =>
        `expected at most ${LIMITS.queryBytes} bytes (UTF-8), found ${queryBytes(issue.input as string)}`,
    }),
    z.refine(withinQueryWords, {
      error: (issue) => `expected at most ${LIMITS.queryTerms} words, found ${queryWords(issue.input as string)}`,
    }),
  )
  .register(z.globalRegistry, {
    description: `Words to find (see \`match\`). Empty browses. At most ${LIMITS.queryBytes} bytes and ${LIMITS.queryTerms} words.`,
    example: "genocide",
  });

const pageDepth = () =>
  z.refine<{ limit: number; offset: number }>(withinPageDepth, {
    path: ["offset"],
    error: (issue) => {
      const page = issue.input as { limit: number; offset: number };
      return `expected offset + limit to be at most ${LIMITS.pageDepth}, found ${page.offset} + ${page.limit}; narrow the search with filters instead of paging deeper`;
    },
  });

// Strict objects: an unknown parameter is refused, so a misspelt filter never silently matches everything.
export const SearchParams = z
  .strictObject({
    ...FilterParams.shape,
    q: Query,
    sort: described(z._default(Sort, "relevance"), "relevance (default), newest or oldest by dateAnswered."),
    collapse: described(
      z.optional(z.enum(["answer"], { error: "expected answer" })),
      "answer: one hit per answer group (records given the same answer), its best-ranked record standing for the group; `total` and paging count hits after collapsing, facet counts still cover every match.",
    ),
    match: described(
      z._default(MatchStrategy, "any"),
      "any (default): records matching every word (and every quoted phrase word for word) come first; when fewer than 10 do, records matching some of the words follow, ranked by how many and how rare the words they hold are (each hit's `matchedAll` says which). all: only records matching every word and phrase.",
    ),
    limit: wholeNumber(1, LIMITS.searchPageSize, 10),
    offset: wholeNumber(0, LIMITS.pageDepth - 1, 0),
    facetLimit: wholeNumber(
      0,
      LIMITS.facetValues,
      DEFAULT_FACET_LIMIT,
      "Values per facet: those with the most matches, most first (0 counts no facets; /v1/meta lists every value). ",
    ),
    highlight: described(
      z.optional(z.pipe(z.enum(["true", "false"], { error: "expected true or false" }), z.transform(isTrue))),
      "false: the hits are not marked, for clients that render the text themselves (`highlights` holds each question as escaped text and no answer snippet, `marked` no ranges); the same hits, order and facets, faster. Default true.",
    ),
  })
  .check(pageDepth())
  .register(z.globalRegistry, { id: "SearchParams" });
export type SearchParams = z.output<typeof SearchParams>;

export const RecordsParams = z
  .strictObject({
    ...FilterParams.shape,
    limit: wholeNumber(1, LIMITS.recordsPageSize, 20),
    offset: wholeNumber(0, LIMITS.pageDepth - 1, 0),
    cursor: z.optional(Cursor),
  })
  .check(
    pageDepth(),
    // A cursor already says where the page starts: an offset as well would be ambiguous.
    z.refine(noOffsetWithCursor, {
      path: ["offset"],
      error: (issue) =>
        `expected no offset with a cursor (the cursor says where the page starts), found ${(issue.input as { offset: number }).offset}`,
    }),
  )
  .register(z.globalRegistry, { id: "RecordsParams" });
export type RecordsParams = z.output<typeof RecordsParams>;

export type Filters = z.output<typeof FilterParams>;
