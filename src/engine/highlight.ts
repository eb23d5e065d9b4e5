/**
 * Highlights: which words of a hit's text the query matched, as ranges of the source text — the
 * question marked in full, the answer cut to a snippet around its densest run of matches. The API's
 * `<mark>` strings and the pages' markup are both made from these ranges (src/text/marked-text.ts).
 */
import type { MarkedText } from "../schema/search";
import type { AnalysedText, TextAnalyser } from "./analysed-text";
import { appendStem, chainStems, MAX_WORDS, MIN_WORDS } from "./stem-chains";

/** Which words to mark: a set of stems (the engine's case), or any test on a stem. */
export type StemMatcher = ReadonlySet<string> | ((stem: string) => boolean);

/** Whether a UTF-16 code unit is whitespace as `\s` (and `trim`) define it, without a regex. */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The text with each whitespace run shown as one space, and where each word starts in it: made
 * once per analysed text (kept with it), so a snippet is a slice, with no pass over the window.
 */
function collapsedOf(text: string, analysed: AnalysedText): { text: string; starts: Uint32Array } {
  if (analysed.collapsed) return analysed.collapsed;
  const { starts } = analysed;
  const shifted = new Uint32Array(starts.length);
  let out = "";
  let piece = 0;
  let removed = 0;
  let word = 0;
  for (let i = 0; i < text.length; ) {
    if (!isWhitespace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isWhitespace(text.charCodeAt(end))) end++;
    // Words before this run keep the offset shift the runs before them made.
    while (word < starts.length && (starts[word] as number) < i) shifted[word] = (starts[word++] as number) - removed;
    if (end - i > 1 || text.charCodeAt(i) !== 32) {
      out += `${text.slice(piece, i)} `;
      piece = end;
      removed += end - i - 1;
    }
    i = end;
  }
  while (word < starts.length) shifted[word] = (starts[word++] as number) - removed;
  analysed.collapsed = { text: out + text.slice(piece), starts: shifted };
  return analysed.collapsed;
}

/**
 * Up to this many stems are found in a text one stem at a time (`indexOf`, then sorted); more
 * (prefixes, synonym groups) are found in one pass that reads each word's stamp.
 */
const FIND_EACH_UP_TO = 3;
/** Up to this many stems are read from a text's chains, when it has them (stem-chains.ts). */
const CHAINED_UP_TO = 8;

/** Up to this many matches, a text's are put in order by insertion (see `sortFound`). */
const INSERTION_SORT_UP_TO = 32;

/**
 * Puts `found[0 .. n)` in ascending order. Each stem's positions come ascending, so a few
 * matches are merged by insertion, in place: a view and a sort call cost more than the moves.
 */
function sortFound(found: Int32Array, n: number): void {
  if (n > INSERTION_SORT_UP_TO) {
    // Typed arrays sort numerically.
    found.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const value = found[i] as number;
    let at = i;
    while (at > 0 && (found[at - 1] as number) > value) {
      found[at] = found[at - 1] as number;
      at--;
    }
    found[at] = value;
  }
}

/** Marks texts analysed by one engine's analyser. Calls are synchronous, so one scratch array serves them all. */
export class Highlighter {
  // For a set of stems: each stem's number stamped with the current call's generation, so testing
  // a word is one typed-array read.
  private stamps = new Uint32Array(1024);
  private generation = 0;
  /**
   * The stem set the current generation stamped, and how many stems were numbered then: a page
   * marks its hits with one set, so it is stamped once per page rather than once per text, and
   * again only if texts analysed since numbered new stems (one of them may be in the set).
   */
  private stampedSet: ReadonlySet<string> | null = null;
  private stampedStems = 0;
  /** The stem numbers the current generation stamped, when there are few enough to find one by one. */
  private stampedIds: number[] = [];
  /** The matching tokens' positions, for the call that found them (`matchingTokens`). */
  private found = new Int32Array(1024);

  constructor(private readonly analyser: TextAnalyser) {}

  /** The whole text with every matching word marked. */
  whole(text: string, analysed: AnalysedText, matches: StemMatcher): MarkedText {
    const { starts, ends } = analysed;
    const found = this.matchingTokens(analysed, matches);
    const tokens = this.found;
    const marks = new Array<[number, number]>(found);
    for (let m = 0; m < found; m++) {
      const i = tokens[m] as number;
      marks[m] = [starts[i] as number, ends[i] as number];
    }
    return { text, marks };
  }

  /**
   * A window of about `words` words around the densest run of matches, cut on word boundaries,
   * whitespace runs shown as one space, with an ellipsis where text was left out. Null when
   * nothing in `text` matches.
   */
  snippet(text: string, analysed: AnalysedText, matches: StemMatcher, words = 30): MarkedText | null {
    const { starts, ends } = analysed;
    const count = starts.length;
    const found = this.matchingTokens(analysed, matches);
    if (found === 0) return null;
    const hits = this.found;
    // Slide a window of `words` tokens; keep the one holding the most matches (earliest on ties).
    let bestStart = hits[0] as number;
    let bestCount = 0;
    for (let h = 0, tail = 0; h < found; h++) {
      while ((hits[h] as number) - (hits[tail] as number) >= words) tail++;
      if (h - tail + 1 > bestCount) {
        bestCount = h - tail + 1;
        bestStart = hits[tail] as number;
      }
    }
    const first = Math.max(0, Math.min(bestStart - Math.floor(words / 4), count - words));
    const last = Math.min(count - 1, first + words - 1);
    // Cut from the text with its whitespace runs shown as one space (the text itself when it has
    // none): runs never cross a word, so a window cut on words is cut the same from either.
    const shown = analysed.singleSpaced ? null : collapsedOf(text, analysed);
    const shownText = shown ? shown.text : text;
    const shownStarts = shown ? shown.starts : starts;
    const from = first === 0 ? 0 : (shownStarts[first] as number);
    const to =
      last === count - 1
        ? shownText.length
        : (shownStarts[last] as number) + (ends[last] as number) - (starts[last] as number);
    const prefix = from > 0 ? "… " : "";
    let body = shownText.slice(from, to);
    // At most one whitespace character leads (the text's own, collapsed), and is trimmed.
    const lead = body.length > 0 && isWhitespace(body.charCodeAt(0)) ? 1 : 0;
    body = body.trim();
    const marks: Array<[number, number]> = [];
    for (let h = 0; h < found; h++) {
      const i = hits[h] as number;
      if (i < first || i > last) continue;
      const at = prefix.length + (shownStarts[i] as number) - from - lead;
      marks.push([at, at + (ends[i] as number) - (starts[i] as number)]);
    }
    return { text: `${prefix}${body}${to < shownText.length ? " …" : ""}`, marks };
  }

  /**
   * How many tokens match, their positions in text order in `found[0 .. n)`: a scratch array
   * (calls are synchronous), so marking a page allocates none per text.
   */
  private matchingTokens(analysed: AnalysedText, matches: StemMatcher): number {
    const { stemIds } = analysed;
    if (this.found.length < stemIds.length) this.found = new Int32Array(stemIds.length * 2);
    const found = this.found;
    let n = 0;
    if (typeof matches === "function") {
      for (let i = 0; i < stemIds.length; i++)
        if (matches(this.analyser.stemOfId(stemIds[i] as number))) found[n++] = i;
      return n;
    }
    const stemCount = this.analyser.stemCount;
    if (matches !== this.stampedSet || stemCount !== this.stampedStems) {
      if (this.stamps.length < stemCount) this.stamps = new Uint32Array(stemCount * 2);
      if (++this.generation === 0xffffffff) {
        this.stamps.fill(0);
        this.generation = 1;
      }
      const ids: number[] = [];
      for (const stem of matches) {
        const id = this.analyser.stemIdOf(stem);
        if (id === undefined || this.stamps[id] === this.generation) continue;
        this.stamps[id] = this.generation;
        ids.push(id);
      }
      this.stampedSet = matches;
      this.stampedStems = stemCount;
      this.stampedIds = ids;
    }
    const ids = this.stampedIds;
    if (ids.length <= CHAINED_UP_TO) {
      // A text marked before (a page asked again, a boilerplate answer) reads the words holding
      // each stem straight from its chains.
      let chains = analysed.chains;
      if (chains === undefined) analysed.chains = null;
      else if (chains === null && stemIds.length >= MIN_WORDS && stemIds.length < MAX_WORDS)
        chains = analysed.chains = chainStems(stemIds);
      if (chains) {
        for (let k = 0; k < ids.length; k++) n = appendStem(chains, stemIds, ids[k] as number, found, n);
        if (ids.length > 1) sortFound(found, n);
        return n;
      }
    }
    if (ids.length <= FIND_EACH_UP_TO) {
      // A word or two (most queries): the typed array's own search finds each, with no read of
      // the stamps per word of the text.
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        for (let at = stemIds.indexOf(id); at !== -1; at = stemIds.indexOf(id, at + 1)) found[n++] = at;
      }
      if (ids.length > 1) sortFound(found, n);
      return n;
    }
    const { stamps, generation } = this;
    for (let i = 0; i < stemIds.length; i++) if (stamps[stemIds[i] as number] === generation) found[n++] = i;
    return n;
  }
}
