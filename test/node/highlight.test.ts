/**
 * Highlight ranges against the way highlights were made before they were ranges: the source text
 * escaped and marked piece by piece, whitespace runs collapsed in the HTML, an ellipsis where text
 * was left out. The API's strings are made from the ranges, so the two must agree exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";
import { escapeHtml, markedHtml, markedHtmlWithSpecials, specialsOf } from "../../src/text/marked-text";

const { Highlighter, TextAnalyser } = internals;
type Analysed = ReturnType<InstanceType<typeof TextAnalyser>["analyse"]>;

/** The reference: a window of `words` words around the densest run of matches, marked as HTML. */
function referenceSnippet(text: string, analysed: Analysed, hits: number[], words = 30): string | null {
  const { starts, ends } = analysed;
  const count = starts.length;
  if (hits.length === 0) return null;
  let bestStart = hits[0] as number;
  let bestCount = 0;
  for (let h = 0, tail = 0; h < hits.length; h++) {
    while ((hits[h] as number) - (hits[tail] as number) >= words) tail++;
    if (h - tail + 1 > bestCount) {
      bestCount = h - tail + 1;
      bestStart = hits[tail] as number;
    }
  }
  const first = Math.max(0, Math.min(bestStart - Math.floor(words / 4), count - words));
  const last = Math.min(count - 1, first + words - 1);
  const from = first === 0 ? 0 : (starts[first] as number);
  const to = last === count - 1 ? text.length : (ends[last] as number);
  let html = "";
  let cursor = from;
  for (const i of hits) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    if (start < from || end > to) continue;
    html += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  const body = (html + escapeHtml(text.slice(cursor, to))).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "… " : ""}${body}${to < text.length ? " …" : ""}`;
}

const piece = fc.constantFrom(
  "rights",
  "Right",
  "human",
  "a&b",
  "<i>",
  "x",
  " ",
  "  ",
  "\n\n",
  "\u00a0",
  "\t",
  " \u202f ",
  "\u3000\u2028",
);

describe("highlight ranges", () => {
  it("make the same HTML as marking the text piece by piece, whitespace runs and all", () => {
    const analyser = new TextAnalyser();
    const highlighter = new Highlighter(analyser);
    const matches = (stem: string) => stem === "right" || stem === "x";
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.constantFrom(4, 10, 30), (pieces, words) => {
        const text = pieces.join("");
        const analysed = analyser.analyse(text);
        const hits = Array.from(analysed.stemIds.keys()).filter((i) =>
          matches(analyser.stemOfId(analysed.stemIds[i] as number)),
        );
        const snippet = highlighter.snippet(text, analysed, matches, words);
        expect(snippet && markedHtml(snippet)).toBe(referenceSnippet(text, analysed, hits, words));
        const whole = highlighter.whole(text, analysed, matches);
        expect(whole.text).toBe(text);
        expect(whole.marks.map(([start, end]) => text.slice(start, end).toLowerCase())).toEqual(
          hits.map((i) => text.slice(analysed.starts[i], analysed.ends[i]).toLowerCase()),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("find a set's stems the same whether looked up one by one (few), in the text's chains or stamped (many)", () => {
    const analyser = new TextAnalyser();
    const highlighter = new Highlighter(analyser);
    const stems = ["right", "x", "human", "b", "i", "a", "rule", "man", "law", "iran"];
    let chained = 0;
    fc.assert(
      // Texts of up to 300 pieces, most of them long enough (32 words) to be given chains.
      fc.property(fc.array(piece, { maxLength: 300, size: "max" }), fc.subarray(stems), (pieces, chosen) => {
        const text = pieces.join("");
        const analysed = analyser.analyse(text);
        // A new set each time, as each search plans one; its size picks the way stems are found.
        const set = new Set(chosen);
        const test = (stem: string) => set.has(stem);
        // The first marking searches the words; a text of 32 words or more marked again has chains.
        const first = highlighter.whole(text, analysed, set);
        expect(first).toEqual(highlighter.whole(text, analysed, test));
        expect(highlighter.snippet(text, analysed, set, 10)).toEqual(highlighter.snippet(text, analysed, test, 10));
        expect(highlighter.whole(text, analysed, set)).toEqual(first);
        if (analysed.chains) chained++;
        else expect(analysed.stemIds.length).toBeLessThan(32);
      }),
      { numRuns: 2000 },
    );
    expect(chained).toBeGreaterThan(200);
  });

  it("escape only the pieces holding a special character, with the same HTML as escaping every piece", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 12 }), (pieces, cuts) => {
        const text = pieces.join("");
        // Ascending, non-overlapping ranges from the cut points.
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const marks: Array<[number, number]> = [];
        for (let i = 0; i + 1 < points.length; i += 2) marks.push([points[i] as number, points[i + 1] as number]);
        const marked = { text, marks };
        expect(markedHtmlWithSpecials(marked, specialsOf(text))).toBe(markedHtml(marked, false));
      }),
      { numRuns: 2000 },
    );
  });

  it("escape exactly the characters a regex replace escapes", () => {
    const reference = (text: string) =>
      text.replace(
        /[&<>"']/g,
        (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] as string,
      );
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeHtml(value)).toBe(reference(value));
      }),
      { numRuns: 3000 },
    );
    for (const edge of ["", "&", "<>", "a'", "'a", '""', "plain"]) expect(escapeHtml(edge)).toBe(reference(edge));
  });
});
