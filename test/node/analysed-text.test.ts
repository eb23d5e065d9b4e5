import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";
import { tokenize } from "../../src/text/tokenize";

const { AnalysedTextCache, stem, TextAnalyser } = internals;
const analyser = new TextAnalyser();

/** What an analysis must equal: the tokenizer's words, each with the stem the build indexes. */
const reference = (text: string) => {
  const tokens = tokenize(text);
  return { starts: tokens.map((t) => t.start), ends: tokens.map((t) => t.end), stems: tokens.map((t) => stem(t.term)) };
};
const read = (text: string) => {
  const analysed = analyser.analyse(text);
  return {
    starts: Array.from(analysed.starts),
    ends: Array.from(analysed.ends),
    stems: Array.from(analysed.stemIds, (id) => analyser.stemOfId(id)),
  };
};

// Few letters, mixed case, so the same word recurs in different cases and plain words meet the
// Unicode path (apostrophes, accents, digit separators) often.
const unit = fc.constantFrom(..."aAbBsS eEdD   '’.,9é\u0301İ-");

describe("analysing a text for highlighting", () => {
  it("gives each word's offsets and the build's stem, however often or in whatever case it recurs", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 40 }), { minLength: 1, maxLength: 4 }), (texts) => {
        for (const text of [...texts, ...texts]) expect(read(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads real prose words the same the second time, when they come from the word table", () => {
    const text = "The Government's RIGHTS and rights, the Rights of Detainees; detainees' rights.";
    expect(read(text)).toEqual(reference(text));
    expect(read(text)).toEqual(reference(text));
  });

  it("keeps analyses within its word budget, oldest dropped first", () => {
    const cache = new AnalysedTextCache(new TextAnalyser(), 10);
    const first = cache.get("one two three four");
    expect(cache.get("one two three four")).toBe(first);
    cache.get("five six seven");
    cache.get("eight nine ten");
    // 4 + 3 + 3 = 10 words fit; one more word drops the oldest text.
    expect(cache.get("one two three four")).toBe(first);
    cache.get("eleven");
    expect(cache.get("one two three four")).not.toBe(first);
  });

  it("finds a record's texts by record as by text, whatever was dropped and numbered again since", () => {
    // A budget of a few texts, records sharing texts, and texts changing under a record (a
    // sharded store re-reads records; a rebuilt one may differ): every lookup must give the
    // analysis of the text asked for, never a dropped one's or another text's.
    const texts = ["alpha", "beta gamma", "gamma delta epsilon", "delta epsilon zeta alpha", "zeta beta"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // 2: looked up by text alone, as phrase checks do, which drops analyses without numbering one.
            which: fc.constantFrom(0 as const, 1 as const, 2 as const),
            doc: fc.integer({ min: 0, max: 7 }),
            // Few texts, so records come back to a text after it was dropped.
            text: fc.constantFrom(...texts),
          }),
          { maxLength: 60 },
        ),
        (lookups) => {
          const analyser = new TextAnalyser();
          const cache = new AnalysedTextCache(analyser, 9);
          for (const { which, doc, text } of lookups) {
            if (which === 2) {
              cache.get(text);
              continue;
            }
            const analysed = cache.ofRecord(which, doc, text);
            expect(analysed).toBe(cache.get(text));
            expect(Array.from(analysed.stemIds, (id) => analyser.stemOfId(id)).join(" ")).toBe(text);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
