import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseWord, type Token, tokenize } from "../../src/text/tokenize";

// The definition the fast scanner must agree with: every match of the word pattern, folded.
const WORD = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+|(?<=\p{N})[.,](?=\p{N})\p{N}+)*/gu;
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
      "e",
      "te",
    ]);
  });
});
