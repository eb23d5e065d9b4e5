/**
 * Marked text — plain text and the ranges of the words a search matched — turned into what each
 * reader needs: the API's HTML-escaped strings with `<mark>` around matches, or plain pieces for
 * the pages' JSX and the widget's text nodes. Both come from the same ranges, so no highlight is
 * ever parsed back out of HTML, and nothing from a record can become markup.
 */
import type { MarkedText } from "../schema/search";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most stretches of prose hold none of these: skip the replacing pass for them.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string) : text;
}

/** Whether `text` holds a character HTML escaping would change. */
export function needsEscaping(text: string): boolean {
  return SPECIAL.test(text);
}

/**
 * The text HTML-escaped, with `<mark>` and `</mark>` around each marked range and nothing else
 * added. `plain` says the text has nothing to escape, when the caller already knows.
 */
export function markedHtml({ text, marks }: MarkedText, plain = !SPECIAL.test(text)): string {
  // Text with nothing to escape (most prose) is cut at the marks without testing every piece.
  if (marks.length === 0) return plain ? text : escapeHtml(text);
  let html = "";
  let cursor = 0;
  // An indexed loop: destructuring each range through the iterator protocol costs more per hit.
  for (let m = 0; m < marks.length; m++) {
    const range = marks[m] as [number, number];
    const start = range[0];
    const end = range[1];
    const before = text.slice(cursor, start);
    const word = text.slice(start, end);
    html += plain ? `${before}<mark>${word}</mark>` : `${escapeHtml(before)}<mark>${escapeHtml(word)}</mark>`;
    cursor = end;
  }
  const rest = text.slice(cursor);
  return html + (plain ? rest : escapeHtml(rest));
}

/** The offsets in `text` of the characters HTML escaping changes, ascending. */
export function specialsOf(text: string): Uint32Array {
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // & " ' < >
    if (code === 38 || code === 34 || code === 39 || code === 60 || code === 62) found.push(i);
  }
  return Uint32Array.from(found);
}

/**
 * `markedHtml` for a text whose characters to escape are known: `specials` holds their offsets in
 * `text`, ascending. Only the pieces holding one are escaped (searched), the rest are cut as they
 * are — most pieces of a text with an apostrophe or two.
 */
export function markedHtmlWithSpecials({ text, marks }: MarkedText, specials: ArrayLike<number>): string {
  if (specials.length === 0) return markedHtml({ text, marks }, true);
  let html = "";
  let cursor = 0;
  // The first special at or after `cursor`: pieces come in text order, so it only moves on.
  let next = 0;
  for (let m = 0; m <= marks.length; m++) {
    const range = marks[m];
    const start = range === undefined ? text.length : range[0];
    while (next < specials.length && (specials[next] as number) < cursor) next++;
    const before = text.slice(cursor, start);
    html += next < specials.length && (specials[next] as number) < start ? escapeHtml(before) : before;
    if (range === undefined) break;
    const end = range[1];
    while (next < specials.length && (specials[next] as number) < start) next++;
    const word = text.slice(start, end);
    html += `<mark>${next < specials.length && (specials[next] as number) < end ? escapeHtml(word) : word}</mark>`;
    cursor = end;
  }
  return html;
}

export interface MarkedPiece {
  text: string;
  marked: boolean;
}

/**
 * The text cut at the marks, in order, empty pieces left out. Ranges out of order or overlapping
 * (which the engine never sends) are skipped rather than trusted.
 */
export function markedPieces({ text, marks }: MarkedText): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let cursor = 0;
  for (const range of marks) {
    const [start, end] = range as [number, number];
    if (start < cursor || end <= start) continue;
    if (start > cursor) pieces.push({ text: text.slice(cursor, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), marked: false });
  return pieces;
}
