/**
 * Collapse by answer: of the matches given the same answer (one answer group), keep only the one
 * the requested order puts first, so a results page shows each answer once; matches in no group
 * all stay. Facet counts are taken over the matches before collapsing.
 */
import type { CompiledAnswerGroup } from "../compiled";

export class AnswerCollapse {
  /** `groupOf[doc]`: the record's group (index into the groups), or -1. Built on first use. */
  private groupOf: Int32Array | null = null;
  private best: Int32Array | null = null;

  constructor(
    private readonly groups: readonly CompiledAnswerGroup[],
    private readonly size: number,
  ) {}

  /** `matches` less every grouped match that another match of its group precedes in `compare`'s order. */
  keepBest(matches: Int32Array, compare: (a: number, b: number) => number): Int32Array {
    if (this.groups.length === 0) return matches;
    const groupOf = this.groupsOfDocs();
    const best = this.best ?? new Int32Array(this.groups.length).fill(-1);
    this.best = best;
    for (let i = 0; i < matches.length; i++) {
      const doc = matches[i] as number;
      const group = groupOf[doc] as number;
      if (group < 0) continue;
      const held = best[group] as number;
      if (held < 0 || compare(doc, held) < 0) best[group] = doc;
    }
    const kept = new Int32Array(matches.length);
    let count = 0;
    for (let i = 0; i < matches.length; i++) {
      const doc = matches[i] as number;
      const group = groupOf[doc] as number;
      if (group < 0 || best[group] === doc) kept[count++] = doc;
    }
    // Reset only what this search touched, for the next one.
    for (let i = 0; i < matches.length; i++) {
      const group = groupOf[matches[i] as number] as number;
      if (group >= 0) best[group] = -1;
    }
    return kept.subarray(0, count);
  }

  private groupsOfDocs(): Int32Array {
    if (!this.groupOf) {
      const groupOf = new Int32Array(this.size).fill(-1);
      this.groups.forEach((group, at) => {
        for (const doc of group.docs) groupOf[doc] = at;
      });
      this.groupOf = groupOf;
    }
    return this.groupOf;
  }
}
