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
// by thousands separators and decimal points (30,000 · 43.5). Hyphens and slashes split.
const WORD = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+|(?<=\p{N})[.,](?=\p{N})\p{N}+)*/gu;
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

/** Every word of `text` with its term and position. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normaliseWord(match[0]);
    if (term) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The terms of `text`, in order, duplicates kept. */
export function terms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}
