/**
 * Facets: how many matching records carry each facet value, counted over every match (not only
 * the page) from codes the build precomputed. The build counts the whole collection once with the
 * same code, for `/v1/meta`. A search may ask for only the values with the most matches
 * (`facetLimit`): counting costs the same, but reading out and returning ten values per facet
 * instead of hundreds is most of a facet count's cost and most of a search's payload.
 */
import { FACET_NAMES, type FacetName, type Facets } from "../../schema/facets";
import type { CompiledCollection } from "../compiled";
import { docRange } from "../doc-range";
import { FacetCombos } from "./facet-combos";
import { emptyFacets, facetObjects, frozenFacets, setCount, withoutPrototypes } from "./facet-objects";

type FacetTables = Pick<CompiledCollection, "facetValues" | "facetCodes">;

/** Counts from plain code lists: for the build, which counts the whole collection once. */
export function countFacets(tables: FacetTables, docs: Iterable<number>): Facets {
  const columns = {} as Record<FacetName, Int32Array>;
  for (const name of FACET_NAMES) columns[name] = Int32Array.from(tables.facetCodes[name]);
  const docList = Array.isArray(docs) ? (docs as number[]) : [...docs];
  return new FacetTally(tables.facetValues, columns).count(docList, docList.length);
}

/**
 * Each facet's `limit` values with the most matches (ties to the collection's order), most first,
 * from counts listing every value: for browsing, which returns the build's counts.
 */
export function topFacetValues(facets: Facets, order: Record<FacetName, readonly string[]>, limit: number): Facets {
  const top = facetObjects();
  for (const name of FACET_NAMES) {
    const counts = facets[name];
    const position = new Map(order[name].map((value, at) => [value, at]));
    const values = Object.keys(counts).sort(
      (a, b) => (counts[b] as number) - (counts[a] as number) || (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
    const into = top[name];
    for (let i = 0; i < values.length && i < limit; i++)
      setCount(into, values[i] as string, counts[values[i] as string] as number);
  }
  return withoutPrototypes(top);
}

/** What a search asking for no facet values (`facetLimit=0`) returns: one frozen answer for all. */
const NO_FACETS: Facets = frozenFacets(emptyFacets());

const FACETS = FACET_NAMES.length;
/**
 * Above this share of the collection, the records left out are counted instead of the matches.
 * The walk finding them reads every record, so it pays only well past half: at 50,000 records
 * counting 55 % of them took 83 µs directly against 126 µs through the complement, 65 %: 98
 * against 132, 75 %: the same (`FacetTally.count`, both ways alternated in one process, medians).
 */
const COMPLEMENT_FROM = 0.7;
/** Packs a tally slot above its count (a count stays below 2^32). */
const SLOT_SHIFT = 2 ** 32;
/** Up to this `limit`, a facet's best values are kept by insertion, not by sorting all of them. */
const INSERTION_LIMIT = 32;

/**
 * Counts for the request path. Each record's facet codes sit side by side in one row, already
 * offset into one shared tally, so counting is a single pass over the matches with one memory
 * region per record; the tally is allocated once per isolate and cleared as it is read out.
 */
export class FacetTally {
  /** `rows[doc * FACETS + f]`: the slot in `tally` of the record's value for facet f. */
  private readonly rows: Uint32Array;
  private readonly tally: Uint32Array;
  private readonly slots: number;
  /** Many records are counted through their combination of the facets with few values. */
  private readonly combos: FacetCombos;
  /** `base[f]`: facet f's first slot, which counts records without a value; its values follow. */
  private readonly base: number[] = [];
  /** `facetOfSlot[slot]`: the facet a tally slot belongs to. */
  private readonly facetOfSlot: Uint8Array;
  /** Scratch for the readouts (packed slot and count, or rank keys), sized for its largest use. */
  private readonly found: Float64Array;
  /** Scratch for a facet's best values under a small `limit`. */
  private readonly best = new Float64Array(INSERTION_LIMIT);
  /**
   * A value's rank key within its facet: `(size - count) * stride + code`, so ascending keys are
   * descending counts, ties in the collection's order.
   */
  private readonly stride: number;
  private readonly size: number;
  /** The whole collection's tally, made on first use: most of it matching, its complement is counted. */
  private collection: Uint32Array | null = null;
  /** `matched[doc] === generation`: the record is among the current count's matches. */
  private readonly matched: Uint32Array;
  private generation = 0;
  /** The records a count of most of the collection leaves out (fewer than `COMPLEMENT_FROM`'s rest). */
  private left: Int32Array | null = null;

  constructor(
    private readonly values: Record<FacetName, readonly string[]>,
    columns: Record<FacetName, Int32Array>,
  ) {
    let slots = 0;
    let most = 0;
    for (const name of FACET_NAMES) {
      this.base.push(slots);
      slots += values[name].length + 1;
      most = Math.max(most, values[name].length);
    }
    this.slots = slots;
    this.found = new Float64Array(slots + FACETS);
    this.facetOfSlot = new Uint8Array(slots);
    this.base.forEach((base, f) => {
      this.facetOfSlot.fill(f, base, base + (values[FACET_NAMES[f] as FacetName].length + 1));
    });
    const size = columns.house.length;
    this.size = size;
    this.stride = most + 1;
    this.matched = new Uint32Array(size);
    this.rows = new Uint32Array(size * FACETS);
    FACET_NAMES.forEach((name, f) => {
      const codes = columns[name];
      const base = this.base[f] as number;
      for (let doc = 0; doc < size; doc++) this.rows[doc * FACETS + f] = base + 1 + (codes[doc] as number);
    });
    const kinds = FACET_NAMES.map((name) => values[name].length + 1);
    this.combos = new FacetCombos(this.rows, kinds, this.base, size, slots);
    this.tally = new Uint32Array(slots + this.combos.count);
  }

  /**
   * Counts over `docs[0 .. count)`: every value in the collection's order, or with `limit` each
   * facet's `limit` values with the most matches, most first (0: none, and nothing is counted).
   */
  count(docs: ArrayLike<number>, count: number, limit?: number): Facets {
    if (limit === 0) return NO_FACETS;
    this.tallyUp(docs, count);
    return limit === undefined ? this.every(docs, count) : this.top(docs, count, limit);
  }

  /**
   * Fills the tally from `docs[0 .. count)`. When they are most of the collection, the records
   * left out are counted instead and taken from the collection's tally: at a common word's 90 %
   * that is a tenth of the counting, for one pass marking the matches and one reading the marks.
   */
  private tallyUp(docs: ArrayLike<number>, count: number): void {
    const { size } = this;
    if (count <= size * COMPLEMENT_FROM) {
      this.add(docs, count);
      return;
    }
    this.collection ??= this.collectionTally();
    this.left ??= new Int32Array(Math.ceil(size * (1 - COMPLEMENT_FROM)));
    const { tally, collection, left } = this;
    const n = this.leftOut(docs, count, left);
    this.add(left, n);
    for (let slot = 0; slot < this.slots; slot++) tally[slot] = (collection[slot] as number) - (tally[slot] as number);
  }

  /**
   * The records `docs[0 .. count)` leave out, into `left`. Matches come in record order, so the
   * gaps between neighbours are the records left out: one walk, no marks. Out of order, every
   * match is marked and the marks read.
   */
  private leftOut(docs: ArrayLike<number>, count: number, left: Int32Array): number {
    let n = 0;
    let next = 0;
    for (let i = 0; i < count; i++) {
      const doc = docs[i] as number;
      if (doc < next) return this.leftOutUnordered(docs, count, left);
      while (next < doc) left[n++] = next++;
      next = doc + 1;
    }
    while (next < this.size) left[n++] = next++;
    return n;
  }

  private leftOutUnordered(docs: ArrayLike<number>, count: number, left: Int32Array): number {
    if (++this.generation === 0xffffffff) {
      this.matched.fill(0);
      this.generation = 1;
    }
    const { matched, generation, size } = this;
    for (let i = 0; i < count; i++) matched[docs[i] as number] = generation;
    let n = 0;
    for (let doc = 0; doc < size; doc++) if (matched[doc] !== generation) left[n++] = doc;
    return n;
  }

  private collectionTally(): Uint32Array {
    const every = docRange(this.size);
    this.add(every, every.length);
    const collection = this.tally.slice(0, this.slots);
    this.tally.fill(0);
    return collection;
  }

  private add(docs: ArrayLike<number>, count: number): void {
    const { rows, tally, combos } = this;
    if (count >= combos.worthFrom && combos.width === 4) {
      // The usual shape: a combination and three facets of many values (year, member, heading).
      const { addRows } = combos;
      for (let i = 0; i < count; i++) {
        const row = (docs[i] as number) * 4;
        let slot: number;
        slot = addRows[row] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = addRows[row + 1] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = addRows[row + 2] as number;
        tally[slot] = (tally[slot] as number) + 1;
        slot = addRows[row + 3] as number;
        tally[slot] = (tally[slot] as number) + 1;
      }
      combos.spread(tally);
      return;
    }
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
      return;
    }
    for (let i = 0; i < count; i++) {
      const row = (docs[i] as number) * FACETS;
      for (let f = 0; f < FACETS; f++) {
        const slot = rows[row + f] as number;
        tally[slot] = (tally[slot] as number) + 1;
      }
    }
  }

  /** Whether so few records matched that reading the slots they touched beats reading every slot. */
  private sparse(count: number): boolean {
    return count * FACETS * 4 < this.slots;
  }

  /** Every value counted, in the collection's order, clearing the tally. */
  private every(docs: ArrayLike<number>, count: number): Facets {
    const { rows, tally } = this;
    const facets = facetObjects();
    if (this.sparse(count)) {
      // Read out only the slots the matches touched, each once (its tally is cleared on the first
      // visit). Slot and count travel packed in one number, so one numeric sort puts every
      // facet's values in their sorted order.
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
        setCount(facets[name], this.values[name][code] as string, packed - slot * SLOT_SHIFT);
      }
      return withoutPrototypes(facets);
    }
    for (let f = 0; f < FACETS; f++) {
      const name = FACET_NAMES[f] as FacetName;
      const values = this.values[name];
      const first = (this.base[f] as number) + 1;
      tally[first - 1] = 0;
      const into = facets[name];
      for (let code = 0; code < values.length; code++) {
        const n = tally[first + code] as number;
        if (n === 0) continue;
        setCount(into, values[code] as string, n);
        tally[first + code] = 0;
      }
    }
    return withoutPrototypes(facets);
  }

  /** Each facet's `limit` values with the most matches, most first, clearing the tally. */
  private top(docs: ArrayLike<number>, count: number, limit: number): Facets {
    const { rows, tally, found, size, stride } = this;
    const facets = facetObjects();
    const sparse = this.sparse(count);
    for (let f = 0; f < FACETS; f++) {
      const first = (this.base[f] as number) + 1;
      // The facet's counted values as rank keys in `found[0 .. n)`, their slots cleared.
      let n = 0;
      if (sparse) {
        for (let i = 0; i < count; i++) {
          const slot = rows[(docs[i] as number) * FACETS + f] as number;
          const tallied = tally[slot] as number;
          if (tallied === 0) continue;
          tally[slot] = 0;
          if (slot >= first) found[n++] = (size - tallied) * stride + slot - first;
        }
      } else {
        tally[first - 1] = 0;
        const values = this.values[FACET_NAMES[f] as FacetName].length;
        for (let code = 0; code < values; code++) {
          const tallied = tally[first + code] as number;
          if (tallied === 0) continue;
          tally[first + code] = 0;
          found[n++] = (size - tallied) * stride + code;
        }
      }
      const name = FACET_NAMES[f] as FacetName;
      const kept = Math.min(n, limit);
      // A small limit keeps its best by insertion (no view made, no sort called: few values, as a
      // rare word's, cost next to nothing); a large one sorts them all.
      const ranked = limit <= INSERTION_LIMIT ? this.smallest(found, n, limit) : found.subarray(0, n).sort();
      const into = facets[name];
      const values = this.values[name];
      for (let i = 0; i < kept; i++) {
        const key = ranked[i] as number;
        const rank = Math.floor(key / stride);
        setCount(into, values[key - rank * stride] as string, size - rank);
      }
    }
    return withoutPrototypes(facets);
  }

  /** The `limit` smallest of `keys[0 .. n)`, ascending, kept by insertion: most keys fail one comparison. */
  private smallest(keys: Float64Array, n: number, limit: number): Float64Array {
    const best = this.best;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      if (kept === limit && key >= (best[limit - 1] as number)) continue;
      let at = kept < limit ? kept++ : limit - 1;
      while (at > 0 && (best[at - 1] as number) > key) {
        best[at] = best[at - 1] as number;
        at--;
      }
      best[at] = key;
    }
    return best;
  }
}
