/**
 * Facets with few values counted as one. Counting adds one per facet per record; house, answered,
 * party and body have a handful of values each, so a record's combination of them is one of a few
 * hundred, and counting many records adds to the combination's slot instead, then spreads each
 * combination's count to its facets' slots once (facets.ts). A record then costs four additions
 * instead of seven — where it matters, at tens of thousands of matches.
 */

/** Facets are combined while their combinations (values + "none" multiplied) stay within this. */
const MOST_COMBINATIONS = 1024;

export class FacetCombos {
  /** Slots added per record: its combination's, then its slot in each facet left out (0: not used). */
  readonly width: number;
  /** `addRows[doc * width + k]`: the slots counting a record adds to. */
  readonly addRows: Uint32Array;
  /** Combinations found; they count in the tally's slots from `first`. */
  readonly count: number;
  /** Below this many records, spreading every combination would cost more than it saves. */
  readonly worthFrom: number;
  /** `slotsOf[combo * combined + k]`: the combination's slot in each combined facet. */
  private readonly slotsOf: Uint32Array;
  private readonly combined: number;

  /**
   * @param rows `rows[doc * facets + f]`: each record's slot in each facet (facets.ts)
   * @param kinds values + 1 of each facet
   * @param first the tally slot of combination 0 (after the facets' own)
   */
  constructor(
    rows: Uint32Array,
    kinds: readonly number[],
    size: number,
    readonly first: number,
  ) {
    const facets = kinds.length;
    const byKinds = kinds.map((_, f) => f).sort((a, b) => (kinds[a] as number) - (kinds[b] as number));
    const small: number[] = [];
    let product = 1;
    for (const f of byKinds) {
      if (product * (kinds[f] as number) > MOST_COMBINATIONS) break;
      product *= kinds[f] as number;
      small.push(f);
    }
    const large = byKinds.filter((f) => !small.includes(f)).sort((a, b) => a - b);
    this.combined = small.length;
    // Only the shape counting unrolls (facets.ts): seven facets as a combination and three others.
    this.width = large.length === 3 ? 4 : 0;
    this.addRows = new Uint32Array(size * this.width);
    this.slotsOf = new Uint32Array(0);
    this.count = 0;
    this.worthFrom = Number.POSITIVE_INFINITY;
    if (this.width === 0) return;
    const comboOf = new Map<number, number>();
    const slotsOf: number[] = [];
    for (let doc = 0; doc < size; doc++) {
      let key = 0;
      for (const f of small) key = key * MOST_COMBINATIONS + (rows[doc * facets + f] as number);
      let combo = comboOf.get(key);
      if (combo === undefined) {
        combo = comboOf.size;
        comboOf.set(key, combo);
        for (const f of small) slotsOf.push(rows[doc * facets + f] as number);
      }
      let at = doc * this.width;
      this.addRows[at++] = first + combo;
      for (const f of large) this.addRows[at++] = rows[doc * facets + f] as number;
    }
    this.count = comboOf.size;
    this.slotsOf = Uint32Array.from(slotsOf);
    this.worthFrom = Math.max(256, this.count * 4);
  }

  /** Adds every combination's count to its facets' slots, and clears the combinations. */
  spread(tally: Uint32Array): void {
    const { slotsOf, combined, first } = this;
    for (let combo = 0; combo < this.count; combo++) {
      const n = tally[first + combo] as number;
      if (n === 0) continue;
      tally[first + combo] = 0;
      for (let k = 0, at = combo * combined; k < combined; k++, at++) {
        const slot = slotsOf[at] as number;
        tally[slot] = (tally[slot] as number) + n;
      }
    }
  }
}
