/**
 * A light English stemmer, written for this collection's register (parliamentary prose): it folds
 * plurals, -ed/-ing, -ly, British and American -ise/-ize, and a handful of derivational endings
 * (-ation, -ion, -ate, -ment, -ness, -ive, -ance/-ence, -able/-ible) so `investigate`, `investigated`
 * and `investigation` meet. Porter's "measure" guards the derivational step so short words keep
 * their endings (`nation`, `mission`, `state`). Build and query call the same function, so a stem
 * only has to be consistent, never a real word.
 */

const VOWEL = /[aeiouy]/;

function isConsonant(word: string, i: number): boolean {
  const char = word[i] as string;
  if ("aeiou".includes(char)) return false;
  return char !== "y" || i === 0 || isConsonant(word, i - 1);
}

/** Porter's m: the number of vowel→consonant transitions, e.g. `govern` → 2, `nat` → 1. */
function measure(stem: string): number {
  let m = 0;
  let previousVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const consonant = isConsonant(stem, i);
    if (consonant && previousVowel) m++;
    previousVowel = !consonant;
  }
  return m;
}

// Longest first: the first ending that fits is the one removed.
const DERIVATIONAL = [
  "ization",
  "isation",
  "ation",
  "ition",
  "ness",
  "ment",
  "ance",
  "ence",
  "able",
  "ible",
  "ion",
  "ate",
  // Endings that swallowed an e (organ-ize, act-ive): tried last.
  "ize",
  "ise",
  "ive",
];

function stripInflection(word: string): string {
  for (const suffix of ["ingly", "edly", "ing", "ed"]) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length < 3 || !VOWEL.test(stem)) return word;
    const last = stem[stem.length - 1] as string;
    // plann(ed) → plan, committ(ed) → commit; but kill, stress and buzz keep their doubles.
    if (last === stem[stem.length - 2] && isConsonant(stem, stem.length - 1) && !"lsz".includes(last)) {
      return stem.slice(0, -1);
    }
    // Restore the e that -ed/-ing swallowed, so recognis(ed) meets recognise.
    return /(?:at|bl|iz|is|iv)$/.test(stem) ? `${stem}e` : stem;
  }
  return word;
}

/** The stem of one normalised word (lower case, no diacritics). Short words and numbers pass through. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  w = stripInflection(w);
  if (w.endsWith("ly") && measure(w.slice(0, -2)) > 1) w = w.slice(0, -2);
  for (const suffix of DERIVATIONAL) {
    if (!w.endsWith(suffix)) continue;
    const rest = w.slice(0, -suffix.length);
    if (measure(rest) > 1) w = rest;
    break;
  }
  if (w.endsWith("y") && w.length > 3 && isConsonant(w, w.length - 2)) w = `${w.slice(0, -1)}i`;
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  // British doubling and its root meet (cancelled, cancel → cancel), as do install and installed.
  if (w.endsWith("ll") && measure(w) > 1) w = w.slice(0, -1);
  return w;
}
