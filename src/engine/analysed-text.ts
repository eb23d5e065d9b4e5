/**
 * Record text as highlighting and phrase checks need it: its words with offsets and stems.
 * Tokenising and stemming cost far more than marking, and the same texts come back query after
 * query (boilerplate answers repeat across records), so each text is analysed once per engine and
 * kept in a bounded cache. Stems are numbered per engine, so one engine's texts never share state
 * with another's.
 */
import type { MarkedText } from "../schema/search";
import { needsEscaping } from "../text/marked-text";
import { scanWords } from "../text/tokenize";
import { stem } from "./stem";
import type { StemChains } from "./stem-chains";

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
  /** Nothing in the text needs HTML escaping: its marked HTML is cut at the marks, untested. */
  plain: boolean;
  /**
   * Where the characters HTML escaping changes are (ascending offsets), found on the first
   * marking of a text that has any: its marked HTML then escapes only the pieces holding one.
   */
  specials?: Uint32Array;
  /**
   * The snippet the page being rendered made of this text (hits.ts), so an answer repeated on a
   * page is marked once; removed when the page is done.
   */
  shown?: { answer: MarkedText | null; html: string | null };
  /**
   * Its number in the cache's table and its text (the cache's key already holds the string), once
   * a record's text was looked up by record (`ofRecord`): one object read confirms a number.
   */
  number?: number;
  text?: string;
  /** No whitespace run, and no whitespace but spaces: a snippet of it has nothing to collapse. */
  singleSpaced: boolean;
  /**
   * The text with whitespace runs as one space, and each word's start in it: made by the first
   * snippet of a text that is not single-spaced (highlight.ts), then kept with the analysis.
   */
  collapsed?: { text: string; starts: Uint32Array };
  /**
   * Where each stem occurs (stem-chains.ts): null once the text was marked, made the second time
   * it is marked, if it is long enough.
   */
  chains?: StemChains | null;
}

const SPACE_RUN = /\s\s|[^\S ]/;

// Stemming costs more than tokenising, and a collection's texts use a few thousand distinct
// words: each word's stem number is remembered (bounded; cleared whole if a flood of distinct
// words fills it — the numbers themselves stay).
const STEM_MEMO_LIMIT = 100_000;

/**
 * Plain ASCII words are looked up by their characters in the text: an open-addressing table
 * keyed by a hash of the lower-cased characters, each slot holding the term (to confirm a match
 * character by character) and its stem number. A word seen before then costs a hash and a
 * comparison, and no string is made. Cleared whole when half full.
 */
const PLAIN_SLOTS = 1 << 17;

/** Analyses texts into words and numbered stems; one per engine. */
export class TextAnalyser {
  // Only record texts are numbered, so there are at most as many stems as the collection has.
  private readonly idOfStem = new Map<string, number>();
  private readonly stemOfIdList: string[] = [];
  private readonly stemIdOfWord = new Map<string, number>();
  // Made on first use, so an engine that never highlights (lookups, listings) never pays for them.
  private plainTerms: Array<string | undefined> = [];
  private plainIds = new Int32Array(0);
  private plainUsed = 0;
  // Offsets of the text being analysed; grown as needed, copied out at the end.
  private startScratch = new Uint32Array(1024);
  private endScratch = new Uint32Array(1024);
  private idScratch = new Uint32Array(1024);

  /** The number of a stem some analysed text holds; undefined if no analysed text holds it. */
  stemIdOf(stem: string): number | undefined {
    return this.idOfStem.get(stem);
  }

  stemOfId(id: number): string {
    return this.stemOfIdList[id] as string;
  }

  /** How many stems are numbered so far: every stem id is below it. */
  get stemCount(): number {
    return this.stemOfIdList.length;
  }

  analyse(text: string): AnalysedText {
    let count = 0;
    scanWords(text, (term, start, end) => {
      if (count === this.startScratch.length) {
        const grow = (scratch: Uint32Array) => {
          const grown = new Uint32Array(count * 2);
          grown.set(scratch);
          return grown;
        };
        this.startScratch = grow(this.startScratch);
        this.endScratch = grow(this.endScratch);
        this.idScratch = grow(this.idScratch);
      }
      this.startScratch[count] = start;
      this.endScratch[count] = end;
      this.idScratch[count] = term === null ? this.plainStemId(text, start, end) : this.stemIdOfTerm(term);
      count++;
    });
    // Every field there from the start, those filled later too: analyses that gained them in
    // different orders had different shapes, and every read of one on a page was megamorphic.
    return {
      starts: this.startScratch.slice(0, count),
      ends: this.endScratch.slice(0, count),
      stemIds: this.idScratch.slice(0, count),
      plain: !needsEscaping(text),
      singleSpaced: !SPACE_RUN.test(text),
      specials: undefined,
      shown: undefined,
      number: undefined,
      text: undefined,
      collapsed: undefined,
      chains: undefined,
    };
  }

  private stemIdOfTerm(term: string): number {
    let id = this.stemIdOfWord.get(term);
    if (id === undefined) {
      const stemmed = stem(term);
      id = this.idOfStem.get(stemmed);
      if (id === undefined) {
        id = this.stemOfIdList.push(stemmed) - 1;
        this.idOfStem.set(stemmed, id);
      }
      if (this.stemIdOfWord.size >= STEM_MEMO_LIMIT) this.stemIdOfWord.clear();
      this.stemIdOfWord.set(term, id);
    }
    return id;
  }

  private plainStemId(text: string, start: number, end: number): number {
    if (this.plainIds.length === 0) {
      this.plainTerms = new Array(PLAIN_SLOTS);
      this.plainIds = new Int32Array(PLAIN_SLOTS);
    }
    const { plainTerms, plainIds } = this;
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
    const id = this.stemIdOfTerm(term);
    if (this.plainUsed >= PLAIN_SLOTS / 2) {
      plainTerms.fill(undefined);
      this.plainUsed = 0;
      return id;
    }
    plainTerms[slot] = term;
    plainIds[slot] = id;
    this.plainUsed++;
    return id;
  }
}

const EMPTY_NUMBERS = new Int32Array(0);

/** Which of a record's texts: a page's hits look up their question and their answer by record. */
export const QUESTION_TEXT = 0;
export const ANSWER_TEXT = 1;

/** Analyses kept by text, oldest dropped first once they hold more words than the budget. */
export class AnalysedTextCache {
  private readonly entries = new Map<string, AnalysedText>();
  private words = 0;
  /**
   * The analyses kept, by a number given when each is kept (freed numbers are reused), and for
   * each record's question and answer the number of its text's analysis (-1: none yet). A page's
   * hits find their texts by two array reads: hashing them in a map of thousands of long strings
   * was an eighth of a rare word's marked search (memory reads, not the hash, which V8 keeps).
   */
  private readonly kept: Array<AnalysedText | undefined> = [];
  private readonly free: number[] = [];
  private readonly byRecord: Int32Array[] = [];

  /**
   * Holds analyses of up to `maxWords` words in all. A word costs 12 bytes (two offsets and a
   * stem number), and up to 6 more in a text marked twice (its stem chains), so the default
   * million is 12–18 MB of the isolate's 128 MB — some 10,000 hits' questions and answers, so the
   * texts of popular searches stay analysed.
   */
  constructor(
    readonly analyser: TextAnalyser,
    private readonly maxWords = 1_000_000,
  ) {}

  get(text: string): AnalysedText {
    let analysed = this.entries.get(text);
    if (analysed === undefined) {
      analysed = this.analyser.analyse(text);
      const words = analysed.stemIds.length;
      while (this.words + words > this.maxWords && this.entries.size > 0) {
        const [oldest, dropped] = this.entries.entries().next().value as [string, AnalysedText];
        this.entries.delete(oldest);
        this.words -= dropped.stemIds.length;
        if (dropped.number !== undefined) {
          this.kept[dropped.number] = undefined;
          this.free.push(dropped.number);
        }
      }
      this.entries.set(text, analysed);
      this.words += words;
    }
    return analysed;
  }

  /**
   * Record `doc`'s question or answer (`which`), analysed: as `get(text)`, found through the
   * record's number first.
   */
  ofRecord(which: typeof QUESTION_TEXT | typeof ANSWER_TEXT, doc: number, text: string): AnalysedText {
    let numbers = this.byRecord[which] ?? EMPTY_NUMBERS;
    if (doc >= numbers.length) {
      // Grown to the highest record seen, doubling: a collection's size, at most, once it is all read.
      const grown = new Int32Array(Math.max(doc + 1, numbers.length * 2)).fill(-1);
      grown.set(numbers);
      numbers = grown;
      this.byRecord[which] = numbers;
    }
    const number = numbers[doc] as number;
    if (number >= 0) {
      // The number may have been freed and given to another text since: the text says.
      const kept = this.kept[number];
      if (kept !== undefined && kept.text === text) return kept;
    }
    const analysed = this.get(text);
    if (analysed.number === undefined) {
      analysed.number = this.free.pop() ?? this.kept.length;
      analysed.text = text;
      this.kept[analysed.number] = analysed;
    }
    numbers[doc] = analysed.number;
    return analysed;
  }
}
