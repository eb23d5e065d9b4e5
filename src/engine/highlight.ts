/**
 * Highlights: the source text, HTML-escaped, with `<mark>` around words whose term matched.
 * Escaping happens piece by piece around the marks, so nothing from a record can become markup.
 */
import { type AnalysedText, stemIdCount, stemIdOf, stemOfId } from "./analysed-text";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most stretches of prose hold none of these: skip the replacing pass for them.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string) : text;
}

/** Which words to mark: a set of stems (the engine's case), or any test on a stem. */
export type StemMatcher = ReadonlySet<string> | ((stem: string) => boolean);

// For a set of stems: each stem's number stamped with the current call's generation, so testing
// a word is one typed-array read. Calls are synchronous, so one scratch array serves them all.
let stamps = new Uint32Array(1024);
let generation = 0;

/** Positions of the matching tokens, in text order. */
function matchingTokens(analysed: AnalysedText, matches: StemMatcher): number[] {
  const { stemIds } = analysed;
  const found: number[] = [];
  if (typeof matches === "function") {
    for (let i = 0; i < stemIds.length; i++) if (matches(stemOfId(stemIds[i] as number))) found.push(i);
    return found;
  }
  if (stamps.length < stemIdCount()) stamps = new Uint32Array(stemIdCount() * 2);
  if (++generation === 0xffffffff) {
    stamps.fill(0);
    generation = 1;
  }
  const current = generation;
  for (const stem of matches) {
    const id = stemIdOf(stem);
    if (id !== undefined) stamps[id] = current;
  }
  for (let i = 0; i < stemIds.length; i++) if (stamps[stemIds[i] as number] === current) found.push(i);
  return found;
}

/** `text[from, to)` escaped, with the tokens at `marked` (sorted) inside it marked. */
function markRange(text: string, analysed: AnalysedText, marked: readonly number[], from: number, to: number): string {
  let html = "";
  let cursor = from;
  for (const i of marked) {
    const start = analysed.starts[i] as number;
    const end = analysed.ends[i] as number;
    if (start < from || end > to) continue;
    html += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/** The whole text with every matching word marked. */
export function highlightAll(text: string, analysed: AnalysedText, matches: StemMatcher): string {
  return markRange(text, analysed, matchingTokens(analysed, matches), 0, text.length);
}

const SPACE_RUN = /\s\s|[^\S ]/;

/** Runs of whitespace as one space, trimmed; most snippets have none to collapse (no regex pass). */
function collapseWhitespace(html: string): string {
  const collapsed = SPACE_RUN.test(html) ? html.replace(/\s+/g, " ") : html;
  return collapsed.trim();
}

/**
 * A window of about `words` words around the densest run of matches, cut on word boundaries,
 * with an ellipsis where text was left out. Null when nothing in `text` matches.
 */
export function highlightSnippet(
  text: string,
  analysed: AnalysedText,
  matches: StemMatcher,
  words = 30,
): string | null {
  const { starts, ends } = analysed;
  const count = starts.length;
  const hits = matchingTokens(analysed, matches);
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
  const body = collapseWhitespace(markRange(text, analysed, hits, from, to));
  return `${from > 0 ? "… " : ""}${body}${to < text.length ? " …" : ""}`;
}
