import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";

const { boundedEditDistance, Vocabulary } = internals;

/** The textbook optimal-string-alignment distance, for comparison. */
function naiveDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

describe("the vocabulary", () => {
  it.each([
    ["ASCII", ["a", "b", "c", "r", "e"]],
    // Letters outside ASCII skip the letter-count bound; the distance must not change.
    ["some letters outside ASCII", ["a", "b", "é", "r", "ø"]],
  ])("measures edit distance like the textbook algorithm, up to its limit (%s)", (_, letters) => {
    const word = fc.string({ unit: fc.constantFrom(...letters), maxLength: 10 });
    // One scratch for every call, as the vocabulary keeps one: a call must leave it clean.
    const rows = internals.editRows();
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        const wanted = Math.min(naiveDistance(a, b), limit + 1);
        expect(boundedEditDistance(a, b, limit)).toBe(wanted);
        expect(boundedEditDistance(a, b, limit, rows)).toBe(wanted);
      }),
      { numRuns: 500 },
    );
  });

  it("counts a swap of neighbouring letters as one edit", () => {
    expect(boundedEditDistance("massacer", "massacre", 2)).toBe(1);
    expect(boundedEditDistance("rapoteur", "rapporteur", 2)).toBe(2);
  });

  it("finds the words starting with a prefix as the sorted list's run of them, for any list and prefix", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "\uffff"), maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 80 }), text, (unsorted, prefix) => {
        // Sorted by UTF-16 code unit, as the build sorts them.
        const words = [...unsorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const vocabulary = new Vocabulary({ words, wordKey: words.map((_, i) => i), wordDf: words.map(() => 1) });
        const [from, to] = vocabulary.prefixRange(prefix);
        expect(words.slice(from, to)).toEqual(words.filter((word) => word.startsWith(prefix)));
        if (from === to) expect(words.slice(0, from).every((word) => word < prefix)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds exactly the words starting with a prefix", () => {
    const words = ["inquest", "inquiries", "inquiry", "iran", "iranian", "justice"].sort();
    const vocabulary = new Vocabulary({ words, wordKey: words.map((_, i) => i), wordDf: [1, 5, 3, 9, 2, 4] });
    const [from, to] = vocabulary.prefixRange("inqui");
    expect(words.slice(from, to)).toEqual(["inquiries", "inquiry"]);
    expect(vocabulary.completions("ira", 5).map((match) => words[match.word])).toEqual(["iran", "iranian"]);
    expect(vocabulary.corrections("iram", 1, 5).map((match) => words[match.word])).toEqual(["iran"]);
  });
});
