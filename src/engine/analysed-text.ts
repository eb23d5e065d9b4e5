/**
 * Record text as highlighting needs it: its words with offsets and stems. Tokenising and stemming
 * cost far more than marking, and the same texts come back query after query (boilerplate answers
 * repeat across records), so each text is analysed once per isolate and kept in a bounded cache.
 */
import { stem } from "./stem";
import { scanWords } from "../text/tokenize";

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

/**
 * The same memo for plain ASCII words, looked up by their characters in the text: an
 * open-addressing table keyed by a hash of the lower-cased characters, each slot holding the
 * term (to confirm a match character by character) and its stem number. A word seen before then
 * costs a hash and a comparison, and no string is made. Cleared whole when half full.
 */
const PLAIN_SLOTS = 1 << 17;
// Made on first use, so an isolate that never highlights (lookups, listings) never pays for them.
let plainTerms: Array<string | undefined> = [];
let plainIds = new Int32Array(0);
let plainUsed = 0;

function plainStemId(text: string, start: number, end: number): number {
  if (plainIds.length === 0) {
    plainTerms = new Array(PLAIN_SLOTS);
    plainIds = new Int32Array(PLAIN_SLOTS);
  }
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code <= 90 && code >= 65) code += 32;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  const length = end - start;
  let slot = hash & (PLAIN_SLOTS - 1);
  for (;;) {
    const term = plainTerms[slot];
    if (term === undefined) break;
    if (term.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        let code = text.charCodeAt(start + i);
        if (code <= 90 && code >= 65) code += 32;
        if (term.charCodeAt(i) !== code) {
          same = false;
          break;
        }
      }
      if (same) return plainIds[slot] as number;
    }
    slot = (slot + 1) & (PLAIN_SLOTS - 1);
  }
  const term = text.slice(start, end).toLowerCase();
  const id = stemIdOfWordTerm(term);
  if (plainUsed >= PLAIN_SLOTS / 2) {
    plainTerms.fill(undefined);
    plainUsed = 0;
    return id;
  }
  plainTerms[slot] = term;
  plainIds[slot] = id;
  plainUsed++;
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
    idScratch[count] = term === null ? plainStemId(text, start, end) : stemIdOfWordTerm(term);
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
  private words = 0;

  /**
   * Holds analyses of up to `maxWords` words in all, oldest dropped first. A word costs 12 bytes
   * (two offsets and a stem number), so the default million is ~12 MB of the isolate's 128 MB —
   * some 10,000 hits' questions and answers, so the texts of popular searches stay analysed.
   */
  constructor(private readonly maxWords = 1_000_000) {}

  get(text: string): AnalysedText {
    let analysed = this.entries.get(text);
    if (analysed === undefined) {
      analysed = analyse(text);
      const words = analysed.stemIds.length;
      while (this.words + words > this.maxWords && this.entries.size > 0) {
        const [oldest, dropped] = this.entries.entries().next().value as [string, AnalysedText];
        this.entries.delete(oldest);
        this.words -= dropped.stemIds.length;
      }
      this.entries.set(text, analysed);
      this.words += words;
    }
    return analysed;
  }
}
