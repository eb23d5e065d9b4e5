/**
 * The collection's vocabulary: every normalised word, sorted, with the index key (stem) it
 * belongs to and how many records hold it. Prefix completion is a binary search for a range of
 * this list; typo correction compares the query word with the words sharing its first letter and
 * a similar length, under a bounded edit distance. Both run only for words the index lacks, or
 * for the word still being typed, so ordinary queries never pay for them.
 */
import { firstAtLeastText } from "./sorted-keys";

export interface CompiledVocabulary {
  /** Distinct normalised words, sorted by UTF-16 code unit. */
  words: string[];
  /** `wordKey[i]`: position in `keys` of the stem of `words[i]`. */
  wordKey: number[];
  /** `wordDf[i]`: records containing `words[i]` in any field. */
  wordDf: number[];
}

export interface VocabularyMatch {
  /** Position of the word in the vocabulary. */
  word: number;
  /** Edits from what was typed; 0 for completions. */
  edits: number;
}

const MAX_WORD = 64;

/**
 * Scratch for an optimal-string-alignment distance: its three rows, and a letter count for the
 * cheap bound tried first. Made once per vocabulary, reused by every call.
 */
export type EditRows = [Int32Array, Int32Array, Int32Array, Int32Array];

export function editRows(): EditRows {
  return [
    new Int32Array(MAX_WORD + 1),
    new Int32Array(MAX_WORD + 1),
    new Int32Array(MAX_WORD + 1),
    new Int32Array(128),
  ];
}

/**
 * A lower bound on the edits between `a` and `b` from their letters alone, order ignored: an
 * insertion adds at most one letter `a` lacks, a deletion drops at most one, a substitution does
 * both and a transposition neither, so the edits are at least the larger of the two surpluses.
 * Most of a first letter's words fail it, and it reads each word once where the distance reads
 * every pair of letters. ASCII only (0 otherwise: no bound). `counts` is all zeros again after.
 */
function letterBound(a: string, b: string, counts: Int32Array): number {
  let ascii = true;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code >= 128) ascii = false;
    else counts[code] = (counts[code] as number) + 1;
  }
  let surplus = 0;
  for (let j = 0; j < b.length && ascii; j++) {
    const code = b.charCodeAt(j);
    if (code >= 128) ascii = false;
    else if ((counts[code] as number) > 0) counts[code] = (counts[code] as number) - 1;
    else surplus++;
  }
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code < 128) counts[code] = 0;
  }
  // What `a` holds beyond `b`: its letters less those `b` matched (b's length less its surplus).
  return ascii ? Math.max(surplus, a.length - (b.length - surplus)) : 0;
}

/**
 * Edit distance with adjacent transpositions counted as one edit (`massacer` → `massacre` is 1),
 * or `limit + 1` as soon as it must exceed `limit`. `rows` is scratch space, overwritten.
 */
export function boundedEditDistance(a: string, b: string, limit: number, rows: EditRows = editRows()): number {
  if (Math.abs(a.length - b.length) > limit || a.length > MAX_WORD || b.length > MAX_WORD) return limit + 1;
  if (letterBound(a, b, rows[3]) > limit) return limit + 1;
  let twoBack = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = (previous[j - 1] as number) + (ai === bj ? 0 : 1);
      const up = (previous[j] as number) + 1;
      if (up < value) value = up;
      const left = (current[j - 1] as number) + 1;
      if (left < value) value = left;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swapped = (twoBack[j - 2] as number) + 1;
        if (swapped < value) value = swapped;
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const done = twoBack;
    twoBack = previous;
    previous = current;
    current = done;
  }
  return Math.min(previous[b.length] as number, limit + 1);
}

export class Vocabulary {
  private readonly rows = editRows();

  constructor(private readonly compiled: CompiledVocabulary) {}

  word(i: number): string {
    return this.compiled.words[i] as string;
  }

  keyOf(i: number): number {
    return this.compiled.wordKey[i] as number;
  }

  df(i: number): number {
    return this.compiled.wordDf[i] as number;
  }

  /** Positions `[from, to)` of the words starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const { words } = this.compiled;
    const from = firstAtLeastText(words, prefix);
    // The words starting with `prefix` are the run from `from`. Its end is found by galloping:
    // a whole word typed has a completion or two, found in a step or two next to `from`, where a
    // second binary search read a dozen words scattered over the list; a short prefix's
    // thousands take about as many steps as a binary search would.
    let inside = from;
    let beyond = from;
    for (let step = 1; beyond < words.length && (words[beyond] as string).startsWith(prefix); step *= 2) {
      inside = beyond + 1;
      beyond = from + step;
    }
    let high = Math.min(beyond, words.length);
    let low = inside;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((words[middle] as string).startsWith(prefix)) low = middle + 1;
      else high = middle;
    }
    return [from, low];
  }

  /** Words that start with `prefix` (longer than it), most widely used first. */
  completions(prefix: string, limit: number): VocabularyMatch[] {
    const [from, to] = this.prefixRange(prefix);
    const found: VocabularyMatch[] = [];
    for (let i = from; i < to; i++) {
      if ((this.compiled.words[i] as string).length > prefix.length) found.push({ word: i, edits: 0 });
    }
    return found.sort((a, b) => this.df(b.word) - this.df(a.word)).slice(0, limit);
  }

  /**
   * Words within `maxEdits` of `typed` that share its first letter (as most spelling tools assume;
   * it keeps the scan to one slice of the list), closest then most used first.
   */
  corrections(typed: string, maxEdits: number, limit: number): VocabularyMatch[] {
    const [from, to] = this.prefixRange(typed.slice(0, 1));
    const found: VocabularyMatch[] = [];
    for (let i = from; i < to; i++) {
      const candidate = this.compiled.words[i] as string;
      if (Math.abs(candidate.length - typed.length) > maxEdits) continue;
      const edits = boundedEditDistance(typed, candidate, maxEdits, this.rows);
      if (edits <= maxEdits) found.push({ word: i, edits });
    }
    return found.sort((a, b) => a.edits - b.edits || this.df(b.word) - this.df(a.word)).slice(0, limit);
  }
}
