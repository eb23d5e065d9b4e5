/**
 * A key's impact list: every record holding the key, with what the key is worth there summed over
 * the fields (field weight × early-position bonus × BM25 length factor). None of that depends on
 * the query, so it is computed on a key's first use and kept: later queries multiply by the
 * key's idf and expansion factor and add, one flat typed loop per key instead of a walk through
 * every field's position buckets. The cache is bounded by postings held; what went unused longest
 * goes first (CLOCK: a hit only marks its entry, so it costs a single lookup).
 */
import { type Postings, RESOLUTION } from "./field-index";
import type { LengthFactors } from "./search/score";

export interface FieldPostings {
  weight: number;
  postings: ReadonlyMap<string, Postings>;
  lengthFactor: LengthFactors;
}

export interface Impact {
  docs: Int32Array;
  weights: Float64Array;
}

interface CacheEntry {
  impact: Impact;
  /** Looked up since eviction last passed over it. */
  used: boolean;
}

const EMPTY: Impact = { docs: new Int32Array(0), weights: new Float64Array(0) };

export class ImpactCache {
  private readonly entries = new Map<string, CacheEntry>();
  private held = 0;
  private readonly stamp: Uint32Array;
  private readonly sum: Float64Array;
  private readonly docs: Int32Array;
  private generation = 0;

  /**
   * @param maxPostings how many (record, weight) pairs to keep in all: 12 bytes each, so the
   *   default 1.5 million is ~18 MB, a common word's list many times over even at 50,000 records.
   */
  constructor(
    private readonly fields: readonly FieldPostings[],
    size: number,
    private readonly maxPostings = 1_500_000,
  ) {
    this.stamp = new Uint32Array(size);
    this.sum = new Float64Array(size);
    this.docs = new Int32Array(size);
  }

  /** Postings held in the cache now. */
  get heldPostings(): number {
    return this.held;
  }

  /**
   * The key's impact list, over every field or (`only`, positions in `SEARCH_FIELDS`) over some:
   * a role phrase's names are looked up in one member field.
   */
  of(key: string, only?: readonly number[]): Impact {
    const name = only ? `${key}\u0000${only.join(",")}` : key;
    const cached = this.entries.get(name);
    if (cached) {
      // Marked used, not moved: eviction gives used entries a second chance (CLOCK), so a hit
      // costs one lookup instead of a delete and an insert.
      cached.used = true;
      return cached.impact;
    }
    const impact = this.compute(key, only);
    // Not kept when empty: a query names pairs no record holds, and these would pile up unbounded.
    if (impact.docs.length > 0 && impact.docs.length <= this.maxPostings) {
      while (this.held + impact.docs.length > this.maxPostings) this.evictOne();
      this.entries.set(name, { impact, used: false });
      this.held += impact.docs.length;
    }
    return impact;
  }

  /** Drops the oldest entry not used since it was last passed over; used ones go to the back. */
  private evictOne(): void {
    for (;;) {
      const [name, entry] = this.entries.entries().next().value as [string, CacheEntry];
      this.entries.delete(name);
      if (entry.used) {
        entry.used = false;
        this.entries.set(name, entry);
        continue;
      }
      this.held -= entry.impact.docs.length;
      return;
    }
  }

  private compute(key: string, only?: readonly number[]): Impact {
    const { stamp, sum, docs } = this;
    if (++this.generation === 0xffffffff) {
      stamp.fill(0);
      this.generation = 1;
    }
    const generation = this.generation;
    let count = 0;
    for (let f = 0; f < this.fields.length; f++) {
      if (only && !only.includes(f)) continue;
      const field = this.fields[f] as FieldPostings;
      const buckets = field.postings.get(key);
      if (!buckets) continue;
      const { lengths, byLength } = field.lengthFactor;
      for (let bucket = 0; bucket < buckets.length; bucket++) {
        const list = buckets[bucket];
        if (!list) continue;
        const weight = field.weight * (1 - bucket / (2 * RESOLUTION));
        for (let i = 0; i < list.length; i++) {
          const doc = list[i] as number;
          const value = weight * (byLength[lengths[doc] as number] as number);
          if (stamp[doc] !== generation) {
            stamp[doc] = generation;
            sum[doc] = value;
            docs[count++] = doc;
          } else sum[doc] = (sum[doc] as number) + value;
        }
      }
    }
    if (count === 0) return EMPTY;
    // In record order, so every per-record array a query reads is walked front to back.
    const impact: Impact = { docs: docs.slice(0, count).sort(), weights: new Float64Array(count) };
    for (let i = 0; i < count; i++) impact.weights[i] = sum[impact.docs[i] as number] as number;
    return impact;
  }
}
