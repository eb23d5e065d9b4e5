/**
 * The request schemas compiled by the build (src/generated/validators.js, from
 * index-build/validators.ts) answer as the zod schemas do: on generated query strings, the same
 * requests are valid, and a valid one parses to the very same value (defaults, list-making,
 * trimming, booleans; keys present or absent alike). The Worker trusts the compiled validator for
 * valid requests, so any disagreement here would change what the API answers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emitValidatorsModule } from "../../index-build/validators";
import { INVALID, validators } from "../../src/generated/validators.js";
import { REQUEST_SCHEMAS } from "../../src/schema/requests";

/** Values that sit on or beside the schemas' edges, and plain noise. */
const EDGES = [
  "",
  " ",
  "a",
  "  Labour  ",
  "0",
  "1",
  "8",
  "10",
  "20",
  "21",
  "50",
  "51",
  "100",
  "101",
  "950",
  "999",
  "1000",
  "007",
  "1.5",
  "-1",
  "+1",
  "1e3",
  " 5",
  "1234567890",
  "Commons",
  "Lords",
  "commons",
  "true",
  "false",
  "yes",
  "relevance",
  "newest",
  "oldest",
  "best",
  "en",
  "cy",
  "fr",
  "_blank",
  "_top",
  "csv",
  "ndjson",
  "xlsx",
  "answer",
  "3f9c2a71be04",
  "3F9C2A71BE04",
  // A cursor (of record q7k2m9x4c1ab), one that is not base64url, and one of no record id.
  "MTpxN2sybTl4NGMxYWI",
  "MTpxN2syb$l4NGMxYWI",
  "MTo",
  "2021-09-15",
  "2024-02-29",
  "2021-02-29",
  "0078-01-01",
  "2021-13-01",
  "2021-9-15",
  "q7k2m9x4c1ab",
  "not an id",
  "a".repeat(64),
  "a".repeat(65),
  "x".repeat(200),
  "x".repeat(201),
  "é".repeat(256),
  "é".repeat(257),
  Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "),
  Array.from({ length: 21 }, (_, i) => `w${i}`).join(" "),
];

const KEYS = [
  ...new Set(Object.values(REQUEST_SCHEMAS).flatMap((schema) => Object.keys(schema.shape))),
  "colour",
  "constructor",
];

const value = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom(...EDGES), { minLength: 2, maxLength: 22 }),
);

/** What a request needs to be valid at all, where that is more than random keys reach often. */
const REQUIRED = new Map<string, Record<string, string>>([
  ["exportParams", { format: "csv" }],
  ["answerGroupPath", { id: "3f9c2a71be04" }],
]);

/**
 * A query object as the Worker builds it: null prototype, a string or a list of strings per name;
 * half of them start from the schema's required values, which random keys may then overwrite.
 */
const queryFor = (name: string) =>
  fc
    .tuple(fc.boolean(), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }))
    .map(
      ([required, entries]) =>
        Object.assign(Object.create(null), required ? REQUIRED.get(name) : {}, entries) as Record<string, unknown>,
    );

describe("the compiled request validators", () => {
  for (const [name, schema] of Object.entries(REQUEST_SCHEMAS)) {
    const compiled = validators[name as keyof typeof validators];
    it(`accept and parse exactly what ${name}'s zod schema does`, () => {
      let valid = 0;
      fc.assert(
        fc.property(queryFor(name), (input) => {
          const expected = schema.safeParse(input);
          const actual = compiled(input);
          if (!expected.success) return actual === INVALID;
          valid++;
          expect(actual).toStrictEqual(expected.data);
          return true;
        }),
        { numRuns: 3000 },
      );
      // The generated queries must reach valid requests too, or the comparison says little.
      expect(valid).toBeGreaterThan(50);
    });
  }

  it("agree with the schemas on an empty query and on a path id", () => {
    for (const [name, schema] of Object.entries(REQUEST_SCHEMAS)) {
      const expected = schema.safeParse({});
      const actual = validators[name as keyof typeof validators]({});
      expect(actual, name).toStrictEqual(expected.success ? expected.data : INVALID);
    }
    expect(validators.recordPath({ id: "q7k2m9x4c1ab" })).toStrictEqual({ id: "q7k2m9x4c1ab" });
    expect(validators.recordPath({ id: "not an id" })).toBe(INVALID);
  });

  it("refuse to compile a closure they cannot name, so no rule is silently skipped", async () => {
    const z = await import("zod/mini");
    const anonymous = z.string().check(z.refine((text) => text.length > 1));
    expect(() => emitValidatorsModule({ anonymous })).toThrow(/src\/schema\/rules\.ts/);
  });
});
