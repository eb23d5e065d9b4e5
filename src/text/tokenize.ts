/**
 * Turns text into search terms. The build and the query path call the same function, so a word
 * is indexed exactly as it will later be looked up. Offsets point into the original text, which
 * lets highlighting mark the source words without ever altering them.
 */

export interface Token {
  /** The normalised term: lower case, no diacritics, no apostrophes or digit separators. */
  term: string;
  /** Offset of the word's first UTF-16 unit in the original text. */
  start: number;
  /** Offset just past the word's last UTF-16 unit. */
  end: number;
}

// A word is letters/digits, optionally joined by apostrophes (people’s) or, between digits,
// by thousands separators and decimal points (30,000 · 43.5). Hyphens and slashes split. Combining
// marks belong to the letter before them, so a decomposed `e` + U+0301 is one word with its `é`.
const WORD = /(?:[\p{L}\p{N}]\p{M}*)+(?:['’‘ʼ](?:[\p{L}\p{N}]\p{M}*)+|(?<=\p{N})[.,](?=\p{N})\p{N}+)*/gu;
const APOSTROPHES = /['’‘ʼ]/g;
const DIACRITICS = /\p{M}+/gu;
const DIGIT_SEPARATORS = /(?<=\p{N})[.,](?=\p{N})/gu;
const PLAIN_ASCII = /^[A-Za-z0-9]+$/;
// Compatibility forms can decompose into non-word characters (⅐ → 1⁄7, ﹸ → space + mark).
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Folds one word to its term: case, diacritics, possessive `'s`, inner apostrophes. A term is
 * letters and digits only, so folding a term again changes nothing (terms are idempotent).
 */
export function normaliseWord(word: string): string {
  // Most words are plain ASCII letters and digits: lower-casing is all they need, and skipping
  // Unicode normalisation keeps tokenizing (which highlighting does per hit) cheap.
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  // Lower-casing can itself produce a combining mark (İ → i + U+0307), so decompose after it too.
  let term = word.normalize("NFKD").toLowerCase().normalize("NFKD").replace(DIACRITICS, "");
  if (/['’‘ʼ]s$/.test(term)) term = term.slice(0, -2);
  return term.replace(APOSTROPHES, "").replace(DIGIT_SEPARATORS, "").replace(NOT_WORD, "");
}

// The same pattern, anchored: read one word starting exactly at `lastIndex`.
const WORD_AT = new RegExp(WORD.source, "uy");

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiWordChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

/**
 * Every word of `text` with its term and position: exactly what matching `WORD` over the text
 * gives, but plain ASCII words (most of parliamentary prose) are read by a character scan, and the
 * Unicode pattern runs only where a word touches an apostrophe, a digit separator or a non-ASCII
 * character. Highlighting tokenises every hit's text, so this is on the request path.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (term, start, end) => {
    tokens.push({ term: term ?? text.slice(start, end).toLowerCase(), start, end });
  });
  return tokens;
}

/**
 * `tokenize` without the token objects: calls `visit` with each word's offsets, in order, and its
 * term — or null for a plain ASCII word, whose term is simply `text.slice(start, end)` lower-cased.
 * Highlighting analyses hits' texts with it and looks plain words up by their characters, so most
 * words cost no string at all.
 */
export function scanWords(text: string, visit: (term: string | null, start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code < 128 && !isAsciiWordChar(code)) {
      i++;
      continue;
    }
    let end = i;
    if (code < 128) {
      end = i + 1;
      while (end < length && isAsciiWordChar(text.charCodeAt(end))) end++;
      const next = end < length ? text.charCodeAt(end) : 32;
      const after = end + 1 < length ? text.charCodeAt(end + 1) : 32;
      const joins =
        next >= 128 ||
        (next === 39 && (after >= 128 || isAsciiWordChar(after))) ||
        ((next === 44 || next === 46) && isDigit(text.charCodeAt(end - 1)) && (after >= 128 || isDigit(after)));
      if (!joins) {
        visit(null, i, end);
        i = end;
        continue;
      }
    }
    // An apostrophe, a separator or a non-ASCII character is next to (or is) this word: let the
    // Unicode pattern decide where the word ends, as a whole-text match would.
    WORD_AT.lastIndex = i;
    const match = WORD_AT.exec(text);
    if (match === null) {
      // Not a word character after all (a dash, a quotation mark, a symbol): skip it whole.
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    const term = normaliseWord(match[0]);
    end = i + match[0].length;
    if (term) visit(term, i, end);
    i = end;
  }
}

/** The terms of `text`, in order, duplicates kept. */
export function terms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}
