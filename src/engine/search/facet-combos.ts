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
   * @param base each facet's first slot: facet f's slots are `base[f] … base[f] + kinds[f] − 1`
   * @param first the tally slot of combination 0 (after the facets' own)
   */
  constructor(
    rows: Uint32Array,
    kinds: readonly number[],
    base: readonly number[],
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
    // A record's combination as a mixed-radix number of its codes in the combined facets (below
    // their product, at most MOST_COMBINATIONS), numbered in order of first appearance through a
    // typed table: one read per record, where a Map took ~25 ms of a cold 50,000-record isolate.
    const comboOf = new Int32Array(product).fill(-1);
    const slotsOf: number[] = [];
    let count = 0;
    for (let doc = 0; doc < size; doc++) {
      const row = doc * facets;
      let key = 0;
      for (let k = 0; k < small.length; k++) {
        const f = small[k] as number;
        key = key * (kinds[f] as number) + (rows[row + f] as number) - (base[f] as number);
      }
      let combo = comboOf[key] as number;
      if (combo < 0) {
        combo = count++;
        comboOf[key] = combo;
        for (let k = 0; k < small.length; k++) slotsOf.push(rows[row + (small[k] as number)] as number);
      }
      let at = doc * this.width;
      this.addRows[at++] = first + combo;
      for (let k = 0; k < large.length; k++) this.addRows[at++] = rows[row + (large[k] as number)] as number;
    }
    this.count = count;
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
