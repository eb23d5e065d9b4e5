/**
 * Key facets: each common key's facet counts, made at build time. A one-word search (the commonest
 * kind, and what a corrected typo becomes) matches every record holding its key, and counting the
 * facets of thousands of records was most of such a search's cost: 30 of ~100 µs for a typo at
 * 10,000 records. The counts depend on the key alone, so the build ranks each facet's values for
 * every key held by at least `KEY_FACETS_FROM` records and keeps the first `KEY_FACET_VALUES`; the
 * request path reads them out when the matches are exactly the key's records and the search asks
 * for no more values than were kept. Anything else is counted as before.
 */
import { FACET_NAMES, type FacetName, type Facets } from "../schema/facets";
import { DEFAULT_FACET_LIMIT } from "../schema/limits";
import { facetObjects, frozenFacets, setCount, withoutPrototypes } from "./search/facet-objects";
import type { SearchPlan } from "./search/plan";

/**
 * Keys held by fewer records are counted per search: below a thousand records counting costs a
 * few microseconds, and a collection has only a few hundred keys this common (164 of 3,122 at
 * 10,000 records), so the table stays small.
 */
export const KEY_FACETS_FROM = 1000;

/** Values kept per facet: the API's default `facetLimit`, so a default search reads them out. */
export const KEY_FACET_VALUES = DEFAULT_FACET_LIMIT;

/**
 * One key's counts, flat: `[key, records, ...]`, then for each facet in `FACET_NAMES` order the
 * number of values kept, `n`, and `n` pairs of (value code, records), most records first, ties in
 * the collection's order of values — the order a search's `facetLimit` reads them in.
 */
export type KeyFacetList = number[];

/** The build's part: the lists for every key with at least `from` records (`docsOfKey[k]`: key `k`'s records). */
export function compileKeyFacets(
  docsOfKey: ReadonlyArray<ReadonlySet<number>>,
  facetCodes: Record<FacetName, readonly number[]>,
  facetValues: Record<FacetName, readonly string[]>,
  from = KEY_FACETS_FROM,
): KeyFacetList[] {
  const lists: KeyFacetList[] = [];
  docsOfKey.forEach((docs, key) => {
    if (docs.size < from) return;
    const list: KeyFacetList = [key, docs.size];
    for (const name of FACET_NAMES) {
      const codes = facetCodes[name];
      const counts = new Array<number>(facetValues[name].length).fill(0);
      for (const doc of docs) {
        const code = codes[doc] as number;
        if (code >= 0) counts[code] = (counts[code] as number) + 1;
      }
      const ranked = [...counts.keys()]
        .filter((code) => (counts[code] as number) > 0)
        .sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b)
        .slice(0, KEY_FACET_VALUES);
      list.push(ranked.length);
      for (const code of ranked) list.push(code, counts[code] as number);
    }
    lists.push(list);
  });
  return lists;
}

/**
 * Facets of this many keys and limits are kept (the oldest dropped first; a common key's are read
 * out of its list again): each is a few dozen values, ~3 KB, so 3 MB at most.
 */
const KEPT = 1024;

/**
 * The request path's part: the facets of a key's records, which depend on the key alone. A common
 * key's are read out of the build's list; a rarer key's are counted by the search that first
 * needs them (`keep`). Either way each key's facets at a limit are made once and then shared,
 * frozen, by every search that asks for them — as browsing shares the collection's. Setting some
 * seventy values on fresh objects was a quarter of a typo's default search at 10,000 records, and
 * ~40 values a quarter of a rare word's.
 */
export class KeyFacets {
  private readonly byKey = new Map<number, KeyFacetList>();
  /** `made.get(slotOf(key, limit))`: that key's facets at that limit, oldest first. */
  private readonly made = new Map<number, Facets>();

  /** @param keyDf `keyDf[k]`: records holding key `k` (compiled.ts) */
  constructor(
    lists: readonly KeyFacetList[],
    private readonly values: Record<FacetName, readonly string[]>,
    private readonly keyDf: readonly number[],
  ) {
    for (const list of lists) this.byKey.set(list[0] as number, list);
  }

  /**
   * Each facet's `limit` values with the most records, when `matched` records matched and all of
   * them hold key `key` (so they are its records, if it has that many); undefined when the key's
   * counts were neither listed nor kept, when fewer records matched, or when `limit` asks for more
   * values than a list keeps.
   */
  top(key: number, matched: number, limit: number): Facets | undefined {
    if (limit > KEY_FACET_VALUES || this.keyDf[key] !== matched) return undefined;
    const made = this.made.get(slotOf(key, limit));
    if (made !== undefined) return made;
    const list = this.byKey.get(key);
    return list === undefined ? undefined : this.keep(key, matched, limit, this.readOut(list, limit));
  }

  /**
   * `facets`, counted over `matched` records that all hold `key`: kept, frozen, when they are all of
   * the key's records (and `limit` is one `top` answers), so the next such search reads them.
   */
  keep(key: number, matched: number, limit: number, facets: Facets): Facets {
    if (limit > KEY_FACET_VALUES || this.keyDf[key] !== matched) return facets;
    if (this.made.size >= KEPT) this.made.delete(this.made.keys().next().value as number);
    const kept = frozenFacets(facets);
    this.made.set(slotOf(key, limit), kept);
    return kept;
  }

  private readOut(list: KeyFacetList, limit: number): Facets {
    const facets = facetObjects();
    let at = 2;
    for (let f = 0; f < FACET_NAMES.length; f++) {
      const name = FACET_NAMES[f] as FacetName;
      const kept = list[at++] as number;
      const into = facets[name];
      const values = this.values[name];
      const shown = Math.min(kept, limit);
      for (let i = 0; i < shown; i++)
        setCount(into, values[list[at + 2 * i] as number] as string, list[at + 2 * i + 1] as number);
      at += 2 * kept;
    }
    return withoutPrototypes(facets);
  }
}

/**
 * The key a search's matches all hold, when it looks up exactly one for its one required clause:
 * every match then holds it (optional clauses add no candidates; filters and phrases only remove),
 * so matches as many as the key's records are its records. Undefined when a synonym group's words
 * add candidates of their own or the clause looks up several keys (completions, corrections).
 */
export function soleKey(plan: Pick<SearchPlan, "clauses">): string | undefined {
  let key: string | undefined;
  for (const clause of plan.clauses) {
    if (clause.partOf !== undefined) return undefined;
    if (!clause.required) continue;
    if (key !== undefined || clause.keys.length !== 1) return undefined;
    key = clause.keys[0];
  }
  return key;
}

function slotOf(key: number, limit: number): number {
  return key * (KEY_FACET_VALUES + 1) + limit;
}
