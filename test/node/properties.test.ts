import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTextSeed } from "../../index-build/stages/parse-text";
import { internals } from "../../src/engine";
import { normaliseWord, terms } from "../../src/text/tokenize";
import { seedText, type TextMember, type TextRecord } from "../support/seed-text";

const { compileSynonymGroups, parseQuery, SynonymMatcher } = internals;

/** One line of free text: trimmed, non-empty, and not shaped like a layout line. */
const freeLine = fc
  .string({
    unit: fc.oneof(fc.constantFrom(..."abc XYZ 19 '’.,;:-()[]<>&\"éİß"), fc.string({ unit: "grapheme", maxLength: 1 })),
    minLength: 1,
    maxLength: 40,
  })
  .map((text) => text.replace(/[\r\n\u2028\u2029\u0085\v\f]/g, " ").trim())
  .filter(
    (text) => text.length > 0 && !/^House of (Commons|Lords)$/.test(text) && !/^(To ask|Answered on)\b/.test(text),
  );

const house = fc.constantFrom("Commons" as const, "Lords" as const);
const member: fc.Arbitrary<TextMember> = fc.record({ name: freeLine, party: freeLine, memberFrom: freeLine });
const isoDate = fc
  .date({ min: new Date("1990-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const record: fc.Arbitrary<TextRecord> = fc.record({
  house,
  askingMember: member,
  questionText: freeLine.map((text) => `To ask ${text}`),
  answer: fc.option(
    fc.record({
      answeringMember: fc.option(fc.record({ name: freeLine, party: freeLine, memberFrom: freeLine, house })),
      dateAnswered: isoDate,
      paragraphs: fc.array(freeLine, { minLength: 1, maxLength: 4 }),
      dateOnNextLine: fc.boolean(),
    }),
  ),
});

/** What the parser should hand to validation for a generated record. */
function expected(input: TextRecord) {
  const { askingMember, answer } = input;
  return {
    house: input.house,
    askingMember,
    questionText: input.questionText,
    dateTabled: null,
    answer: answer && {
      answeringMember: answer.answeringMember,
      dateAnswered: answer.dateAnswered,
      text: answer.paragraphs.join("\n\n"),
    },
  };
}

describe("the seed text parser on generated documents", () => {
  it("gives back the records it was given: records → text → records", () => {
    fc.assert(
      fc.property(
        fc.array(freeLine, { maxLength: 3 }),
        fc.array(record, { minLength: 1, maxLength: 6 }),
        (preamble, records) => {
          const parsed = parseTextSeed({
            path: "seeds/generated.txt",
            format: "text",
            text: seedText(preamble, records),
          });
          expect(parsed.records.map((located) => located.value)).toEqual(records.map(expected));
          expect(parsed.description?.title).toBe(preamble[0]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("ignores blank lines and surrounding spaces anywhere in the layout", () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(3), { minLength: 64, maxLength: 64 }),
        (records, pads) => {
          const tidy = seedText([], records);
          const messy = tidy
            .split("\n")
            .map(
              (line, i) => `${" ".repeat(pads[i % 64] as number)}${line}\t${"\n".repeat(pads[(i + 7) % 64] as number)}`,
            )
            .join("\n");
          const parse = (text: string) => parseTextSeed({ path: "seeds/generated.txt", format: "text", text }).records;
          expect(parse(messy).map((located) => located.value)).toEqual(parse(tidy).map((located) => located.value));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the query normaliser", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ unit: "grapheme-composite", maxLength: 100 }),
    fc.string({ unit: fc.constantFrom(..."İıﬁ⅐ﹸ'’‘ʼs.,0123 -/ẞßΣσς㎆ÅǅⅫ①²"), maxLength: 40 }),
  );
  const normalise = (q: string) => terms(q).join(" ");

  it("never throws, on any string, with the project's synonyms and any index", () => {
    const groups = JSON.parse(readFileSync(new URL("../../index-build/synonyms.json", import.meta.url), "utf8"));
    const synonyms = new SynonymMatcher(compileSynonymGroups(Array.isArray(groups) ? groups : (groups.groups ?? [])));
    fc.assert(
      fc.property(anyText, fc.boolean(), (q, indexHasEverything) => {
        parseQuery(q, synonyms, { has: (key) => indexHasEverything || key.length % 2 === 0 });
      }),
      { numRuns: 3000 },
    );
  });

  it("is idempotent: normalising a normalised query changes nothing", () => {
    fc.assert(
      fc.property(anyText, (q) => normalise(normalise(q)) === normalise(q)),
      { numRuns: 3000 },
    );
  });

  it("yields terms of letters and digits only, each already folded", () => {
    fc.assert(
      fc.property(anyText, (q) =>
        terms(q).every((term) => /^[\p{L}\p{N}]+$/u.test(term) && normaliseWord(term) === term),
      ),
      { numRuns: 3000 },
    );
  });

  it("folds the forms that broke idempotence: ⅐, ﹸ and a dotted capital I", () => {
    expect(terms("⅐")).toEqual(["17"]);
    expect(terms("ﹸ")).toEqual([]);
    expect(normalise(normalise("İstanbul"))).toBe(normalise("İstanbul"));
    expect(normalise("İstanbul")).toBe("istanbul");
  });
});
