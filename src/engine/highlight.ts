/**
 * Highlights: the source text, HTML-escaped, with `<mark>` around words whose term matched.
 * Escaping happens piece by piece around the marks, so nothing from a record can become markup.
 */
import { type Token, tokenize } from "./tokenize";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

export type TermMatcher = (term: string) => boolean;

function markRange(text: string, tokens: Token[], matches: TermMatcher, from: number, to: number): string {
  let html = "";
  let cursor = from;
  for (const token of tokens) {
    if (token.start < from || token.end > to || !matches(token.term)) continue;
    html += `${escapeHtml(text.slice(cursor, token.start))}<mark>${escapeHtml(text.slice(token.start, token.end))}</mark>`;
    cursor = token.end;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/** The whole text with every matching word marked. */
export function highlightAll(text: string, matches: TermMatcher): string {
  return markRange(text, tokenize(text), matches, 0, text.length);
}

/**
 * A window of about `words` words around the densest run of matches, cut on word boundaries,
 * with an ellipsis where text was left out. Null when nothing in `text` matches.
 */
export function highlightSnippet(text: string, matches: TermMatcher, words = 30): string | null {
  const tokens = tokenize(text);
  const hits: number[] = [];
  tokens.forEach((token, i) => {
    if (matches(token.term)) hits.push(i);
  });
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
  const first = Math.max(0, Math.min(bestStart - Math.floor(words / 4), tokens.length - words));
  const last = Math.min(tokens.length - 1, first + words - 1);
  const from = first === 0 ? 0 : (tokens[first] as Token).start;
  const to = last === tokens.length - 1 ? text.length : (tokens[last] as Token).end;
  const body = markRange(text, tokens, matches, from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "… " : ""}${body}${to < text.length ? " …" : ""}`;
}
