/**
 * Record text as highlighting needs it: its words with offsets and stems. Tokenising and stemming
 * cost far more than marking, and the same texts come back query after query (boilerplate answers
 * repeat across records), so each text is analysed once per isolate and kept in a bounded cache.
 */
import { stem } from "./stem";
import { scanWords } from "./tokenize";

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

// Offsets of the text being analysed; grown as needed, copied out at the end.
let startScratch = new Uint32Array(1024);
let endScratch = new Uint32Array(1024);

export function analyse(text: string): AnalysedText {
  const stems: string[] = [];
  let count = 0;
  scanWords(text, (term, start, end) => {
    if (count === startScratch.length) {
      const grownStarts = new Uint32Array(count * 2);
      const grownEnds = new Uint32Array(count * 2);
      grownStarts.set(startScratch);
      grownEnds.set(endScratch);
      startScratch = grownStarts;
      endScratch = grownEnds;
    }
    startScratch[count] = start;
    endScratch[count] = end;
    stems.push(stemOf(term));
    count++;
  });
  return { starts: startScratch.slice(0, count), ends: endScratch.slice(0, count), stems };
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
