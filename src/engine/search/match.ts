/**
 * Match: the records satisfying every required clause of a plan (in any field), each scored on the
 * way (score.ts). The required clause with the fewest postings picks the candidates; the others
 * only confirm and add to them, so a rare word makes a query cheap however common its neighbours.
 * Optional clauses (titles, stop words required by nothing) add to the score of candidates they
 * match and never add candidates. Phrases are settled afterwards (phrases.ts).
 */
import type { TermIndex } from "../term-index";
import type { SearchPlan } from "./plan";
import type { Scoreboard, WeightedImpact } from "./score";

interface ScoredClause {
  required: boolean;
  keys: WeightedImpact[];
  /** Postings over all its keys: the cheapest required clause is scored first. */
  postings: number;
}

const NONE = new Int32Array(0);

/** Lists of records for one search at a time; views of them never outlive the synchronous part of a search. */
export class Matcher {
  private readonly candidateBuffer: Int32Array;
  private readonly clauseBuffer: Int32Array;

  constructor(
    readonly scores: Scoreboard,
    size: number,
  ) {
    this.candidateBuffer = new Int32Array(size);
    this.clauseBuffer = new Int32Array(size);
  }

  /**
   * The records holding every required clause, in record order, their scores in `scores.total`.
   * Read-only, and valid only until the next search.
   */
  match(plan: SearchPlan, index: TermIndex): Int32Array {
    if (plan.unmatchable) return NONE;
    const clauses: ScoredClause[] = [];
    for (const clause of plan.clauses) {
      const scored: ScoredClause = { required: clause.required, keys: [], postings: 0 };
      for (let k = 0; k < clause.keys.length; k++) {
        const impact = index.impacts.of(clause.keys[k] as string);
        scored.keys.push({ impact, weight: clause.weights[k] as number });
        scored.postings += impact.docs.length;
      }
      if (clause.required && scored.postings === 0) return NONE;
      clauses.push(scored);
    }
    const required = clauses.filter((clause) => clause.required).sort((a, b) => a.postings - b.postings);
    const optional = clauses.filter((clause) => !clause.required);
    if (required.length === 0) return NONE;
    const candidates = this.scores.first((required[0] as ScoredClause).keys, this.candidateBuffer);
    for (const clause of [...required.slice(1), ...optional])
      this.scores.add(clause.keys, clause.required, this.clauseBuffer);
    if (required.length === 1) return candidates;
    const { clausesMatched } = this.scores;
    const all = required.length;
    return this.keep(candidates, (doc) => clausesMatched[doc] === all);
  }

  /**
   * The records of `docs` passing `test`, in order, as a view of the candidate buffer: no
   * allocation per query (at 50,000 records a copy of a common word's matches is 200 KB, and the
   * collector's pauses are what a search's p99 is made of). `docs` may be that buffer itself:
   * writes never overtake reads. A plain loop: TypedArray#filter calls `test` through a builtin,
   * several times slower.
   */
  keep(docs: Int32Array, test: (doc: number, at: number) => boolean): Int32Array {
    const out = this.candidateBuffer;
    let count = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (test(doc, i)) out[count++] = doc;
    }
    return out.subarray(0, count);
  }
}
