/**
 * Facets: how many matching records carry each facet value, counted over every match (not only
 * the page) from codes the build precomputed. The build counts the whole collection once with the
 * same code, for `/v1/meta`.
 */
import { FACET_NAMES, type FacetName, type Facets } from "../../schema/facets";
import type { CompiledCollection } from "../compiled";

type FacetTables = Pick<CompiledCollection, "facetValues" | "facetCodes">;

/** Counts from plain code lists: for the build, which counts the whole collection once. */
export function countFacets(tables: FacetTables, docs: Iterable<number>): Facets {
  const columns = {} as Record<FacetName, Int32Array>;
  for (const name of FACET_NAMES) columns[name] = Int32Array.from(tables.facetCodes[name]);
  const docList = Array.isArray(docs) ? (docs as number[]) : [...docs];
  return new FacetTally(tables.facetValues, columns).count(docList, docList.length);
}

const FACETS = FACET_NAMES.length;
/** Packs a tally slot above its count (a count stays below 2^32). */
const SLOT_SHIFT = 2 ** 32;

/**
 * Counts for the request path. Each record's facet codes sit side by side in one row, already
 * offset into one shared tally, so counting is a single pass over the matches with one memory
 * region per record; the tally is allocated once per isolate and cleared as it is read out.
 */
export class FacetTally {
  /** `rows[doc * FACETS + f]`: the slot in `tally` of the record's value for facet f. */
  private readonly rows: Uint32Array;
  private readonly tally: Uint32Array;
  /** `base[f]`: facet f's first slot, which counts records without a value; its values follow. */
  private readonly base: number[] = [];
  /** `facetOfSlot[slot]`: the facet a tally slot belongs to. */
  private readonly facetOfSlot: Uint8Array;
  /** Scratch for the sparse readout (packed slot and count), sized for its largest use. */
  private readonly found: Float64Array;

  constructor(
    private readonly values: Record<FacetName, readonly string[]>,
    columns: Record<FacetName, Int32Array>,
  ) {
    let slots = 0;
    for (const name of FACET_NAMES) {
      this.base.push(slots);
      slots += values[name].length + 1;
    }
    this.tally = new Uint32Array(slots);
    this.found = new Float64Array(Math.ceil(slots / 4) + FACETS);
    this.facetOfSlot = new Uint8Array(slots);
    this.base.forEach((base, f) => {
      this.facetOfSlot.fill(f, base, base + (values[FACET_NAMES[f] as FacetName].length + 1));
    });
    const size = columns.house.length;
    this.rows = new Uint32Array(size * FACETS);
    FACET_NAMES.forEach((name, f) => {
      const codes = columns[name];
      const base = this.base[f] as number;
      for (let doc = 0; doc < size; doc++) this.rows[doc * FACETS + f] = base + 1 + (codes[doc] as number);
    });
  }

  /** Counts over `docs[0 .. count)`. */
  count(docs: ArrayLike<number>, count: number): Facets {
    const { rows, tally } = this;
    if (FACETS === 7) {
      // Unrolled for the seven facets the schema has: about twice as fast as the inner loop.
      for (let i = 0; i < count; i++) {
        const row = (docs[i] as number) * 7;
        let slot: number;
        slot = rows[row] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = rows[row + 1] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = rows[row + 2] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = rows[row + 3] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = rows[row + 4] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = rows[row + 5] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = rows[row + 6] as number;
        tally[slot] = (tally[slot] as number) + 1;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const row = (docs[i] as number) * FACETS;
        for (let f = 0; f < FACETS; f++) {
          const slot = rows[row + f] as number;
          tally[slot] = (tally[slot] as number) + 1;
        }
      }
    }
    // Values come from the data, so null-prototype objects keep `__proto__` an ordinary key.
    const facets = {} as Facets;
    const counts: Array<Record<string, number>> = FACET_NAMES.map(() => Object.create(null));
    FACET_NAMES.forEach((name, f) => {
      facets[name] = counts[f] as Record<string, number>;
    });
    if (count * FACETS * 4 < tally.length) {
      // Few matches: read out only the slots they touched, each once (its tally is cleared on
      // the first visit). Slot and count travel packed in one number, so one numeric sort puts
      // every facet's values in their sorted order.
      const found = this.found;
      let n = 0;
      for (let i = 0; i < count; i++) {
        const row = (docs[i] as number) * FACETS;
        for (let f = 0; f < FACETS; f++) {
          const slot = rows[row + f] as number;
          const tallied = tally[slot] as number;
          if (tallied === 0) continue;
          found[n++] = slot * SLOT_SHIFT + tallied;
          tally[slot] = 0;
        }
      }
      const sorted = found.subarray(0, n).sort();
      for (let i = 0; i < n; i++) {
        const packed = sorted[i] as number;
        const slot = Math.floor(packed / SLOT_SHIFT);
        const f = this.facetOfSlot[slot] as number;
        const code = slot - (this.base[f] as number) - 1;
        if (code < 0) continue;
        const name = FACET_NAMES[f] as FacetName;
        (counts[f] as Record<string, number>)[this.values[name][code] as string] = packed - slot * SLOT_SHIFT;
      }
      return facets;
    }
    FACET_NAMES.forEach((name, f) => {
      const values = this.values[name];
      const first = (this.base[f] as number) + 1;
      tally[first - 1] = 0;
      const into = counts[f] as Record<string, number>;
      for (let code = 0; code < values.length; code++) {
        const n = tally[first + code] as number;
        if (n === 0) continue;
        into[values[code] as string] = n;
        tally[first + code] = 0;
      }
    });
    return facets;
  }
}
