import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frameAncestors } from "../../src/embed/frame-ancestors";
import { countLabel, resolveLabels } from "../../src/embed/widget/labels";
import { internals } from "../../src/engine";
import { markedHtml, markedPieces } from "../../src/text/marked-text";

const { Highlighter, TextAnalyser } = internals;

const joined = (pieces: Array<{ text: string }>) => pieces.map((piece) => piece.text).join("");

describe("marked text as the widget and the pages read it", () => {
  it("gives back exactly the source text, with nothing marked, when nothing matched", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const pieces = markedPieces({ text, marks: [] });
        expect(joined(pieces)).toBe(text);
        expect(pieces.some((piece) => piece.marked)).toBe(false);
      }),
    );
  });

  it("marks exactly the words the engine marked, in the pieces and in the API's HTML alike", () => {
    const analyser = new TextAnalyser();
    const highlighter = new Highlighter(analyser);
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 3 }), (text, term) => {
        const analysed = analyser.analyse(text);
        const matches = (stem: string) => stem.startsWith(term.toLowerCase());
        const marked = highlighter.whole(text, analysed, matches);
        const pieces = markedPieces(marked);
        expect(joined(pieces)).toBe(text);
        const expected = Array.from(analysed.stemIds, (id) => analyser.stemOfId(id)).filter(matches);
        expect(pieces.filter((piece) => piece.marked).length).toBe(expected.length);
        expect(markedHtml(marked).split("<mark>").length - 1).toBe(expected.length);
      }),
    );
  });

  it("escapes the text around and inside marks, adding only <mark>", () => {
    expect(markedHtml({ text: `<img src=x onerror=alert(1)> & "iran"`, marks: [[1, 4]] })).toBe(
      "&lt;<mark>img</mark> src=x onerror=alert(1)&gt; &amp; &quot;iran&quot;",
    );
  });

  it("skips ranges that overlap or run backwards instead of trusting them", () => {
    expect(
      markedPieces({
        text: "abcdef",
        marks: [
          [2, 4],
          [1, 3],
          [5, 5],
        ],
      }),
    ).toEqual([
      { text: "ab", marked: false },
      { text: "cd", marked: true },
      { text: "ef", marked: false },
    ]);
  });
});

describe("the widget's labels", () => {
  it("speak Welsh for lang cy and English otherwise", () => {
    expect(resolveLabels("cy-GB", null).noResults).toBe("Dim canlyniadau");
    expect(resolveLabels("fr", null).noResults).toBe("No results");
  });

  it("take overrides from JSON but ignore unknown keys, non-strings and broken JSON", () => {
    const labels = resolveLabels("en", '{"noResults":"Nothing found","answered":7,"__proto__":{"x":1}}');
    expect(labels.noResults).toBe("Nothing found");
    expect(labels.answered).toBe("Answered");
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(resolveLabels("en", "{nope").label).toBe("Search parliamentary questions");
  });

  it("count results with the right form", () => {
    const labels = resolveLabels("en", null);
    expect([0, 1, 12].map((n) => countLabel(labels, n))).toEqual(["No results", "1 result", "12 results"]);
  });
});

describe("frame-ancestors for GET /embed", () => {
  it("lists the configured sources, and cannot be turned into another directive", () => {
    expect(frameAncestors("*")).toBe("frame-ancestors *");
    expect(frameAncestors("https://a.example, https://b.example")).toBe(
      "frame-ancestors https://a.example https://b.example",
    );
    expect(frameAncestors("https://a.example; script-src *")).not.toContain(";");
    expect(frameAncestors("")).toBe("frame-ancestors 'none'");
  });
});
