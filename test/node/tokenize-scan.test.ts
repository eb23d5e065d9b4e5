import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseWord, type Token, tokenize } from "../../src/text/tokenize";

// The definition the fast scanner must agree with: every match of the word pattern, folded.
// A letter or digit keeps the combining marks that follow it.
const WORD = /(?:[\p{L}\p{N}]\p{M}*)+(?:['’‘ʼ](?:[\p{L}\p{N}]\p{M}*)+|(?<=\p{N})[.,](?=\p{N})\p{N}+)*/gu;
function reference(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normaliseWord(match[0]);
    if (term) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

// Characters where the scanner hands over to the Unicode pattern, and their neighbours.
const tricky = fc.constantFrom(..."ab Z9 0 '’‘ʼ.,-–/é\u0301İßΩ中𝐀😀\u00a0\t£%");

describe("tokenize", () => {
  it("reads exactly the words the Unicode word pattern matches, on generated text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 1 })), maxLength: 60 }),
        (text) => {
          expect(tokenize(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keeps apostrophes, digit separators and accented words whole", () => {
    expect(tokenize("Iran’s 30,000 O'Brien café U.K. 4.5% e\u0301t\u00e9").map((token) => token.term)).toEqual([
      "iran",
      "30000",
      "obrien",
      "cafe",
      "u",
      "k",
      "45",
      "ete",
    ]);
  });

  it("keeps combining marks with their letter, so decomposed text reads as its precomposed form", () => {
    const decomposed = "re\u0301gime exe\u0301cutif Sa\u0303o Paulo na\u0308ive e\u0301\u0301\u0301te\u0301";
    expect(tokenize(decomposed).map((token) => token.term)).toEqual(
      tokenize(decomposed.normalize("NFC")).map((token) => token.term),
    );
    expect(tokenize(decomposed).map((token) => token.term)).toEqual([
      "regime",
      "executif",
      "sao",
      "paulo",
      "naive",
      "ete",
    ]);
    // A hundred decomposed é in a row are one word, not a hundred.
    expect(tokenize("e\u0301".repeat(100))).toEqual([{ term: "e".repeat(100), start: 0, end: 200 }]);
    // A mark with no letter before it belongs to no word.
    expect(tokenize("\u0301 a")).toEqual([{ term: "a", start: 2, end: 3 }]);
  });
});
