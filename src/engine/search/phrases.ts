/**
 * Phrases: a quoted phrase's words are required clauses, so the candidates here are the records
 * holding all of them (tiers.ts: those lacking some are partial matches already). Each adjacent pair of its words is then looked up in
 * the build's pair index, when the index stores it (its words share `PAIR_MIN_SHARED` records or
 * more), and the candidates it does not list drop out; that settles a two-word phrase. The rest —
 * pairs too rare to be stored, phrases of three or more words (whose pairs may each stand
 * somewhere without the whole run) — are settled by re-reading the surviving candidates' text,
 * which in a sharded collection means fetching their records, so the engine re-reads only after
 * filtering.
 */
import type { QuestionRecord } from "../../schema/record";
import type { AnalysedText, AnalysedTextCache } from "../analysed-text";
import { forEachDoc } from "../doc-sets";
import { SEARCH_FIELDS } from "../fields";
import { PAIR_MIN_SHARED, pairKey, shareAtLeast } from "../phrase-pairs";
import type { TermIndex } from "../term-index";

/** Keeps the records of `docs` passing `test`, in order, in some scratch buffer of the search's. */
export type Keep = (docs: Int32Array, test: (doc: number, at: number) => boolean) => Int32Array;

/** Whether some phrase needs its candidates re-read word for word (the pairs cannot settle it). */
export function needsReread(phrases: readonly string[][], index: TermIndex): boolean {
  return phrases.some(
    (phrase) =>
      phrase.length > 2 ||
      !shareAtLeast(
        index.impacts.of(phrase[0] as string).docs,
        index.impacts.of(phrase[1] as string).docs,
        PAIR_MIN_SHARED,
      ),
  );
}

export class PhraseFilter {
  /** Records listed by the pair being applied, by generation; made on the first phrase. */
  private stamp: Uint32Array | null = null;
  private generation = 0;
  /** The analysed fields of the record being re-read (scratch: re-reading is synchronous). */
  private readonly fieldTexts: Array<AnalysedText | undefined> = SEARCH_FIELDS.map(() => undefined);
  /**
   * The phrases being re-read, and each one's stem numbers once every stem is numbered: a stem
   * keeps its number for the engine's life, so a search looks them up once, not per candidate.
   */
  private runsOf: readonly string[][] | null = null;
  private readonly runs: Array<number[] | null> = [];

  constructor(private readonly size: number) {}

  /** The candidates the pair index does not rule out, as a view of the buffer `keep` writes. */
  prune(candidates: Int32Array, phrases: readonly string[][], index: TermIndex, keep: Keep): Int32Array {
    let docs = candidates;
    for (const phrase of phrases) {
      for (let i = 1; i < phrase.length && docs.length > 0; i++) {
        const first = phrase[i - 1] as string;
        const second = phrase[i] as string;
        if (!shareAtLeast(index.impacts.of(first).docs, index.impacts.of(second).docs, PAIR_MIN_SHARED)) continue;
        const stamp = this.stamps();
        const generation = this.nextGeneration();
        const stored = index.pair(pairKey(first, second));
        if (stored)
          forEachDoc(stored, (doc) => {
            stamp[doc] = generation;
          });
        docs = keep(docs, (doc) => stamp[doc] === generation);
      }
    }
    return docs;
  }

  /**
   * Whether some field of the record holds each phrase word for word. Fields are analysed lazily
   * (most phrases are settled by the question, the first field) and through the highlighting
   * cache, whose stems are the build's and which the hits reuse. Plain loops: this runs once per
   * candidate re-read.
   */
  holds(record: QuestionRecord, phrases: readonly string[][], texts: AnalysedTextCache): boolean {
    const { fieldTexts, runs } = this;
    fieldTexts.fill(undefined);
    if (this.runsOf !== phrases) {
      this.runsOf = phrases;
      runs.length = 0;
      for (let p = 0; p < phrases.length; p++) runs.push(null);
    }
    for (let p = 0; p < phrases.length; p++) {
      const phrase = phrases[p] as string[];
      let found = false;
      for (let i = 0; i < SEARCH_FIELDS.length && !found; i++) {
        let analysed = fieldTexts[i];
        if (!analysed) {
          analysed = texts.get((SEARCH_FIELDS[i] as (typeof SEARCH_FIELDS)[number]).text(record));
          fieldTexts[i] = analysed;
        }
        // Stems are numbered as texts are analysed, so a phrase's numbers are read after the field's.
        let run = runs[p] as number[] | null;
        if (run === null) {
          run = stemIdsOf(phrase, texts);
          runs[p] = run;
        }
        found = run !== null && containsRun(analysed, run);
      }
      if (!found) return false;
    }
    return true;
  }

  private stamps(): Uint32Array {
    this.stamp ??= new Uint32Array(this.size);
    return this.stamp;
  }

  private nextGeneration(): number {
    if (++this.generation === 0xffffffff) {
      this.stamps().fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}

/** A phrase's stems as the analyser numbers them, or null if no analysed text holds one of them yet. */
function stemIdsOf(phrase: readonly string[], texts: AnalysedTextCache): number[] | null {
  const ids: number[] = [];
  for (const stem of phrase) {
    const id = texts.analyser.stemIdOf(stem);
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids;
}

/**
 * Whether the text's words hold the stems side by side. The first stem is found by the typed
 * array's own `indexOf` (native, and most of a long answer's words are not it), the rest
 * compared where it stands.
 */
function containsRun(analysed: AnalysedText, ids: readonly number[]): boolean {
  const { stemIds } = analysed;
  const first = ids[0] as number;
  const last = stemIds.length - ids.length;
  outer: for (let i = stemIds.indexOf(first); i >= 0 && i <= last; i = stemIds.indexOf(first, i + 1)) {
    for (let j = 1; j < ids.length; j++) if (stemIds[i + j] !== ids[j]) continue outer;
    return true;
  }
  return false;
}
