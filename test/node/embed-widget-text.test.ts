import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frameAncestors } from "../../src/embed/frame-ancestors";
import { parseHighlight } from "../../src/embed/widget/highlight-parse";
import { countLabel, resolveLabels } from "../../src/embed/widget/labels";
import { analyse, stemOfId } from "../../src/engine/analysed-text";
import { escapeHtml, highlightAll } from "../../src/engine/highlight";

const joined = (html: string) =>
  parseHighlight(html)
    .map((piece) => piece.text)
    .join("");

describe("reading the API's highlights in the widget", () => {
  it("gives back exactly the source text of any escaped string, with nothing marked", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const pieces = parseHighlight(escapeHtml(text));
        expect(pieces.map((piece) => piece.text).join("")).toBe(text);
        expect(pieces.some((piece) => piece.marked)).toBe(false);
      }),
    );
  });

  it("marks exactly the words the engine marked, and keeps the rest as text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 3 }), (text, term) => {
        const analysed = analyse(text);
        const matches = (stem: string) => stem.startsWith(term.toLowerCase());
        const html = highlightAll(text, analysed, matches);
        expect(joined(html)).toBe(text);
        const marked = parseHighlight(html).filter((piece) => piece.marked);
        const expected = Array.from(analysed.stemIds, stemOfId).filter(matches);
        expect(marked.length).toBe(expected.length);
      }),
    );
  });

  it("keeps a hostile tag as text, whether or not the API escaped it", () => {
    expect(parseHighlight("&lt;img src=x onerror=alert(1)&gt; <mark>iran</mark>")).toEqual([
      { text: "<img src=x onerror=alert(1)> ", marked: false },
      { text: "iran", marked: true },
    ]);
    expect(joined('<img src=x onerror="alert(1)"><mark>x</mark>')).toBe('<img src=x onerror="alert(1)">x');
  });

  it("decodes entities once, so an escaped entity stays literal", () => {
    expect(joined("&amp;lt;b&amp;gt;")).toBe("&lt;b&gt;");
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
