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
  /**
   * `stemIds[i]`: the i-th word's stem as a number (`stemOfId` reads it back). Marking a query's
   * words then tests a typed array per word instead of hashing a string.
   */
  stemIds: Uint32Array;
}

// Stem numbers, per isolate. Only record texts are numbered, so there are at most as many as the
// collection has distinct stems.
const idOfStem = new Map<string, number>();
const stemOfIdList: string[] = [];

/** The number of a stem some analysed text holds; undefined if no analysed text holds it. */
export function stemIdOf(stem: string): number | undefined {
  return idOfStem.get(stem);
}

export function stemOfId(id: number): string {
  return stemOfIdList[id] as string;
}

/** How many stems are numbered so far: every stem id is below it. */
export function stemIdCount(): number {
  return stemOfIdList.length;
}

// Stemming costs more than tokenising, and a collection's texts use a few thousand distinct
// words: remember each word's stem number (bounded; cleared whole if a flood of distinct words
// fills it — the numbers themselves stay).
const STEM_MEMO_LIMIT = 100_000;
const stemIdOfWord = new Map<string, number>();

function stemIdOfWordTerm(term: string): number {
  let id = stemIdOfWord.get(term);
  if (id === undefined) {
    const stemmed = stem(term);
    id = idOfStem.get(stemmed);
    if (id === undefined) {
      id = stemOfIdList.push(stemmed) - 1;
      idOfStem.set(stemmed, id);
    }
    if (stemIdOfWord.size >= STEM_MEMO_LIMIT) stemIdOfWord.clear();
    stemIdOfWord.set(term, id);
  }
  return id;
}

// Offsets of the text being analysed; grown as needed, copied out at the end.
let startScratch = new Uint32Array(1024);
let endScratch = new Uint32Array(1024);
let idScratch = new Uint32Array(1024);

export function analyse(text: string): AnalysedText {
  let count = 0;
  scanWords(text, (term, start, end) => {
    if (count === startScratch.length) {
      const grow = (scratch: Uint32Array) => {
        const grown = new Uint32Array(count * 2);
        grown.set(scratch);
        return grown;
      };
      startScratch = grow(startScratch);
      endScratch = grow(endScratch);
      idScratch = grow(idScratch);
    }
    startScratch[count] = start;
    endScratch[count] = end;
    idScratch[count] = stemIdOfWordTerm(term);
    count++;
  });
  return {
    starts: startScratch.slice(0, count),
    ends: endScratch.slice(0, count),
    stemIds: idScratch.slice(0, count),
  };
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
