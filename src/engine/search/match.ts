/**
 * Match: the records a plan's words find (in any field), each scored on the way (score.ts).
 *
 * Strict (`match=all`): the records satisfying every required clause. The required clause with
 * the fewest postings picks the candidates; the others only confirm and add to them, so a rare
 * word makes a query cheap however common its neighbours.
 *
 * Fallback (the default): the records of any required clause — and of any word of a synonym
 * group named in several words — each counting the required clauses it matched and the coverage
 * they are worth; tiers.ts then decides between full and partial matches.
 *
 * Either way optional clauses (titles, stop words required by nothing, proximity pairs) add to the
 * score of candidates they match and never add candidates. A role phrase's names ("answered by
 * Lord X") are looked up only in that member's field while each name of the run is found there.
 * Phrases are settled afterwards (phrases.ts, tiers.ts).
 */
import { ROLE_FIELDS } from "../fields";
import type { TermIndex } from "../term-index";
import { type CompiledFilter, filtered } from "./filter";
import type { PlannedClause, SearchPlan } from "./plan";
import type { Scoreboard, WeightedImpact } from "./score";

interface ScoredClause {
  planned: PlannedClause;
  keys: WeightedImpact[];
  /** Postings over all its keys: the cheapest required clause is scored first. */
  postings: number;
}

const NONE = new Int32Array(0);

/** Lists of records for one search at a time; views of them never outlive the synchronous part of a search. */
export class Matcher {
  private readonly candidateBuffer: Int32Array;
  private readonly clauseBuffer: Int32Array;
  private readonly filterBuffer: Int32Array;
  /** The required clauses of the last search: a full match counts this many. */
  required = 0;

  constructor(
    readonly scores: Scoreboard,
    size: number,
  ) {
    this.candidateBuffer = new Int32Array(size);
    this.clauseBuffer = new Int32Array(size);
    this.filterBuffer = new Int32Array(size);
  }

  /**
   * The matching records, their scores in `scores.total`: strictly, those holding every required
   * clause and passing `filter`, in record order; otherwise those holding any (unfiltered: the
   * caller filters the union). Read-only, and valid only until the next search.
   */
  match(plan: SearchPlan, index: TermIndex, strict = plan.strict, filter: CompiledFilter | null = null): Int32Array {
    this.required = 0;
    if (plan.unmatchable) return NONE;
    const clauses = scoredClauses(plan, index);
    const required = clauses.filter((clause) => clause.planned.required);
    this.required = required.length;
    if (required.length === 0) return NONE;
    const optional = clauses.filter((clause) => !clause.planned.required && clause.planned.partOf === undefined);
    // Cheapest first, both ways: a full match's score is then the same sum in the same order, to
    // the last bit, whichever way it was found (engine.ts tries strictly first).
    required.sort((a, b) => a.postings - b.postings);
    if (!strict) return this.anyOf(clauses, required, optional);
    if (required.some((clause) => clause.postings === 0)) return NONE;
    // Filtered before the other clauses are added: they are then looked up for fewer records.
    const candidates = filtered(
      this.scores.first((required[0] as ScoredClause).keys, this.candidateBuffer),
      filter,
      this.filterBuffer,
    );
    // A group's words count only where the group did not match: never, among full matches.
    for (const clause of [...required.slice(1), ...optional])
      this.scores.add(clause.keys, clause.planned.required, this.clauseBuffer, candidates);
    if (required.length === 1) return candidates;
    const { clausesMatched } = this.scores;
    const all = required.length;
    return this.keep(candidates, (doc) => clausesMatched[doc] === all);
  }

  /**
   * The records of `docs` passing `test`, in order, as a view of `out` (by default the candidate
   * buffer): no allocation per query (at 50,000 records a copy of a common word's matches is
   * 200 KB, and the collector's pauses are what a search's p99 is made of). `docs` may be `out`
   * itself: writes never overtake reads. A plain loop: TypedArray#filter calls `test` through a
   * builtin, several times slower.
   */
  keep(
    docs: Int32Array,
    test: (doc: number, at: number) => boolean,
    out: Int32Array = this.candidateBuffer,
  ): Int32Array {
    let count = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (test(doc, i)) out[count++] = doc;
    }
    return out.subarray(0, count);
  }

  /**
   * Fallback matching: every record a required clause (or a group's word) lists, in record order.
   * The required clauses come cheapest first (as strictly), each followed by its group's words.
   */
  private anyOf(
    clauses: readonly ScoredClause[],
    required: readonly ScoredClause[],
    optional: readonly ScoredClause[],
  ): Int32Array {
    const { scores, candidateBuffer, clauseBuffer } = this;
    scores.begin();
    let count = 0;
    for (const clause of required) {
      count = scores.include(clause.keys, clause.planned.coverage, false, candidateBuffer, count, clauseBuffer);
      const group = clauses.indexOf(clause);
      for (const part of clauses) {
        if (part.planned.partOf !== group) continue;
        count = scores.include(part.keys, part.planned.coverage, true, candidateBuffer, count, clauseBuffer);
      }
    }
    // Record order, as strict matching gives: filters, phrases and facets walk it front to back.
    const candidates = scores.inRecordOrder(candidateBuffer, count);
    for (const clause of optional) scores.add(clause.keys, false, clauseBuffer, candidates);
    return candidates;
  }
}

/**
 * Each clause's impact lists. A role run's names are looked up in their member field while every
 * name so far is found there; from the first that is not, the run's names are plain words. A
 * title the field lacks is looked up everywhere but does not end the run: "Mr" is rarely printed.
 */
function scoredClauses(plan: SearchPlan, index: TermIndex): ScoredClause[] {
  const clauses: ScoredClause[] = [];
  let roleHolds = false;
  for (const planned of plan.clauses) {
    if (planned.roleStart) roleHolds = true;
    let only = planned.role && roleHolds ? ROLE_FIELDS[planned.role] : undefined;
    let scored = impactsOf(planned, index, only);
    if (only && scored.postings === 0) {
      if (planned.required) roleHolds = false;
      only = undefined;
      scored = impactsOf(planned, index, undefined);
    }
    clauses.push(scored);
  }
  return clauses;
}

function impactsOf(planned: PlannedClause, index: TermIndex, only: readonly number[] | undefined): ScoredClause {
  const scored: ScoredClause = { planned, keys: [], postings: 0 };
  for (let k = 0; k < planned.keys.length; k++) {
    const impact = index.impacts.of(planned.keys[k] as string, only);
    const weight = planned.weights[k] as number;
    scored.keys.push({ impact, weight: planned.proximity ? weight * index.idfOf(impact.docs.length) : weight });
    scored.postings += impact.docs.length;
  }
  return scored;
}
