/**
 * Highlights: which words of a hit's text the query matched, as ranges of the source text — the
 * question marked in full, the answer cut to a snippet around its densest run of matches. The API's
 * `<mark>` strings and the pages' markup are both made from these ranges (src/text/marked-text.ts).
 */
import type { MarkedText } from "../schema/search";
import type { AnalysedText, TextAnalyser } from "./analysed-text";

/** Which words to mark: a set of stems (the engine's case), or any test on a stem. */
export type StemMatcher = ReadonlySet<string> | ((stem: string) => boolean);

const SPACE_RUN = /\s\s|[^\S ]/;

/** Marks texts analysed by one engine's analyser. Calls are synchronous, so one scratch array serves them all. */
export class Highlighter {
  // For a set of stems: each stem's number stamped with the current call's generation, so testing
  // a word is one typed-array read.
  private stamps = new Uint32Array(1024);
  private generation = 0;

  constructor(private readonly analyser: TextAnalyser) {}

  /** The whole text with every matching word marked. */
  whole(text: string, analysed: AnalysedText, matches: StemMatcher): MarkedText {
    const { starts, ends } = analysed;
    return { text, marks: this.matchingTokens(analysed, matches).map((i) => [starts[i] as number, ends[i] as number]) };
  }

  /**
   * A window of about `words` words around the densest run of matches, cut on word boundaries,
   * whitespace runs shown as one space, with an ellipsis where text was left out. Null when
   * nothing in `text` matches.
   */
  snippet(text: string, analysed: AnalysedText, matches: StemMatcher, words = 30): MarkedText | null {
    const { starts, ends } = analysed;
    const count = starts.length;
    const hits = this.matchingTokens(analysed, matches);
    if (hits.length === 0) return null;
    // Slide a window of `words` tokens; keep the one holding the most matches (earliest on ties).
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
    const prefix = from > 0 ? "… " : "";
    // Whitespace runs never cross a mark (marks are words), so each gap between marks collapses
    // on its own; most windows have no run to collapse and skip the regex pass.
    const collapse = SPACE_RUN.test(text.slice(from, to));
    const gap = (start: number, end: number) => {
      const piece = text.slice(start, end);
      return collapse ? piece.replace(/\s+/g, " ") : piece;
    };
    let body = "";
    const marks: Array<[number, number]> = [];
    let cursor = from;
    for (const i of hits) {
      const start = starts[i] as number;
      const end = ends[i] as number;
      if (start < from || end > to) continue;
      body += gap(cursor, start);
      if (marks.length === 0) body = body.trimStart();
      const at = prefix.length + body.length;
      body += text.slice(start, end);
      marks.push([at, at + end - start]);
      cursor = end;
    }
    body += gap(cursor, to);
    body = marks.length === 0 ? body.trim() : body.trimEnd();
    return { text: `${prefix}${body}${to < text.length ? " …" : ""}`, marks };
  }

  /** Positions of the matching tokens, in text order. */
  private matchingTokens(analysed: AnalysedText, matches: StemMatcher): number[] {
    const { stemIds } = analysed;
    const found: number[] = [];
    if (typeof matches === "function") {
      for (let i = 0; i < stemIds.length; i++) if (matches(this.analyser.stemOfId(stemIds[i] as number))) found.push(i);
      return found;
    }
    const stemCount = this.analyser.stemCount;
    if (this.stamps.length < stemCount) this.stamps = new Uint32Array(stemCount * 2);
    if (++this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    const { stamps, generation } = this;
    for (const stem of matches) {
      const id = this.analyser.stemIdOf(stem);
      if (id !== undefined) stamps[id] = generation;
    }
    for (let i = 0; i < stemIds.length; i++) if (stamps[stemIds[i] as number] === generation) found.push(i);
    return found;
  }
}
