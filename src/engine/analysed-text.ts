/**
 * Record text as highlighting needs it: its words with offsets and stems. Tokenising and stemming
 * cost far more than marking, and the same texts come back query after query (boilerplate answers
 * repeat across records), so each text is analysed once per isolate and kept in a bounded cache.
 */
import { stem } from "./stem";
import { tokenize } from "./tokenize";

/**
 * Compact on purpose: cached texts live long enough to reach the old generation, and per-word
 * objects there would make the collector's full pauses (a search's p99) grow with the cache.
 */
export interface AnalysedText {
  /** `starts[i]`, `ends[i]`: the i-th word's offsets in the text. */
  starts: Uint32Array;
  ends: Uint32Array;
  /** `stems[i]` is the stem of the i-th word (shared strings, from the stem memo). */
  stems: string[];
}

// Stemming costs more than tokenising, and a collection's texts use a few thousand distinct
// words: remember each word's stem (bounded; cleared whole if a flood of distinct words fills it).
const STEM_MEMO_LIMIT = 100_000;
const stems = new Map<string, string>();

function stemOf(term: string): string {
  let result = stems.get(term);
  if (result === undefined) {
    result = stem(term);
    if (stems.size >= STEM_MEMO_LIMIT) stems.clear();
    stems.set(term, result);
  }
  return result;
}

export function analyse(text: string): AnalysedText {
  const tokens = tokenize(text);
  const starts = new Uint32Array(tokens.length);
  const ends = new Uint32Array(tokens.length);
  const stems = new Array<string>(tokens.length);
  tokens.forEach((token, i) => {
    starts[i] = token.start;
    ends[i] = token.end;
    stems[i] = stemOf(token.term);
  });
  return { starts, ends, stems };
}

export class AnalysedTextCache {
  private readonly entries = new Map<string, AnalysedText>();
  private readonly capacity: number;

  /**
   * `capacity` texts at most; the oldest is dropped first. An analysed answer holds a few hundred
   * token objects (~15 KB), so 512 texts stay under ~8 MB of the isolate's 128 MB while covering
   * many pages of up to 50 hits.
   */
  constructor(capacity = 512) {
    this.capacity = capacity;
  }

  get(text: string): AnalysedText {
    let analysed = this.entries.get(text);
    if (analysed === undefined) {
      analysed = analyse(text);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(text, analysed);
    }
    return analysed;
  }
}
