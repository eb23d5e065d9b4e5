/**
 * Tiers: which matches are full — every required clause, every quoted phrase word for word — and
 * where partial ones rank (Meilisearch's `words` rule, Elasticsearch's `minimum_should_match`).
 * Full matches always come first. When there are fewer than `ENOUGH_FULL`, the partial ones follow:
 * those lacking some words ranked by score × coverage², coverage being the share of the query's
 * idf their words hold (a rare word missing costs more than a common one; a group's single words
 * earn part of the group's: plan.ts), then those holding every word but not a phrase word for
 * word. With `ENOUGH_FULL` or more, or under `match=all`, only full matches are returned.
 *
 * A partial match's score is mapped below zero (−1 / (score × coverage²)): one order over one
 * array, every full match above every partial one, the order among partial ones kept — and, a
 * reciprocal being exact to the last bits, as finely as the products themselves differ.
 */
import type { Matcher } from "./match";
import type { SearchPlan } from "./plan";
import type { Scoreboard } from "./score";

/** A page of full matches: with this many, partial ones would only ever rank below a full page. */
export const ENOUGH_FULL = 10;

/** The score a partial match ranks by: below every full match, in the order of `score`. */
export function partialScore(score: number, coverage: number): number {
  return -1 / (score * coverage * coverage);
}

export class Tiers {
  private readonly fullBuffer: Int32Array;
  private readonly fullStamp: Uint32Array;
  private generation = 0;

  constructor(
    size: number,
    private readonly matcher: Matcher,
    private readonly scores: Scoreboard,
  ) {
    this.fullBuffer = new Int32Array(size);
    this.fullStamp = new Uint32Array(size);
  }

  /** Keeps, in the tiers' own buffer, the records of `docs` passing `test` (phrases prune with it). */
  readonly keep = (docs: Int32Array, test: (doc: number, at: number) => boolean): Int32Array =>
    this.matcher.keep(docs, test, this.fullBuffer);

  /**
   * The matches holding every required clause (all of them, strictly), and, for fallback
   * matching, the rank of each match lacking some: its score becomes its partial score.
   */
  complete(matches: Int32Array, plan: SearchPlan): Int32Array {
    if (plan.strict) return matches;
    const { total, clausesMatched, covered } = this.scores;
    const all = this.matcher.required;
    const coverage = plan.coverage || 1;
    for (let i = 0; i < matches.length; i++) {
      const doc = matches[i] as number;
      if (clausesMatched[doc] !== all) {
        const share = (covered[doc] as number) / coverage;
        total[doc] = partialScore(total[doc] as number, share);
      }
    }
    return this.keep(matches, (doc) => clausesMatched[doc] === all);
  }

  /**
   * What the search returns: the full matches alone (strictly, or when there are enough of them),
   * or every match, records holding every word but not the phrases now ranked as partial.
   * Marks the full ones for `isFull`. `matches` are the scored candidates, partial ones already
   * ranked by `complete`; `full` those of them holding every clause and phrase.
   */
  settle(matches: Int32Array, full: Int32Array, plan: SearchPlan): Int32Array {
    const stamp = this.fullStamp;
    if (++this.generation === 0xffffffff) {
      stamp.fill(0);
      this.generation = 1;
    }
    const generation = this.generation;
    for (let i = 0; i < full.length; i++) stamp[full[i] as number] = generation;
    if (plan.strict || full.length >= ENOUGH_FULL || full.length === matches.length) return full;
    const { total } = this.scores;
    for (let i = 0; i < matches.length; i++) {
      const doc = matches[i] as number;
      // Every word, but a phrase not word for word: coverage 1, below the full matches.
      if (stamp[doc] !== generation && (total[doc] as number) >= 0) total[doc] = partialScore(total[doc] as number, 1);
    }
    return matches;
  }

  /** Whether the last settled search found `doc` a full match. */
  isFull(doc: number): boolean {
    return this.fullStamp[doc] === this.generation;
  }
}
