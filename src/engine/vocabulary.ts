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

/** Three rows of an optimal-string-alignment distance: made once per vocabulary, reused by every call. */
export type EditRows = [Int32Array, Int32Array, Int32Array];

function editRows(): EditRows {
  return [new Int32Array(MAX_WORD + 1), new Int32Array(MAX_WORD + 1), new Int32Array(MAX_WORD + 1)];
}

/**
 * Edit distance with adjacent transpositions counted as one edit (`massacer` → `massacre` is 1),
 * or `limit + 1` as soon as it must exceed `limit`. `rows` is scratch space, overwritten.
 */
export function boundedEditDistance(a: string, b: string, limit: number, rows: EditRows = editRows()): number {
  if (Math.abs(a.length - b.length) > limit || a.length > MAX_WORD || b.length > MAX_WORD) return limit + 1;
  let [twoBack, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (twoBack[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
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
    // Every word starting with `prefix` sorts below `prefix` followed by the highest code unit.
    const { words } = this.compiled;
    return [firstAtLeastText(words, prefix), firstAtLeastText(words, `${prefix}\uffff`)];
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
