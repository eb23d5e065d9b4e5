/**
 * Key tops: each common key's best records, ranked at build time (a champion list). A one-word
 * search with no filter, and a corrected typo, which becomes one, scores every record of its key
 * and keeps the best page: at 10,000 records a common word's default search spent most of its
 * time scoring thousands of matches and comparing each with the page's worst. Its records' scores
 * are then the key's impact in each times one weight (the key's idf and expansion factor), so the
 * order is the key's alone: the build ranks the records of each key held by at least
 * `KEY_FACETS_FROM` records — impact, then the newest answer, as `Ordering.top` breaks ties —
 * and keeps the first `KEY_TOPS_KEPT` as positions in the key's impact list.
 *
 * Multiplying by the weight keeps that order unless it rounds two different impacts to one score,
 * and the tie then falls to the newer answer. So a page is read out only when the kept records'
 * distinct impacts still give distinct scores, and the last kept record scores strictly above the
 * best record with a lower impact (kept too, as the list's second entry): every record left out
 * then ranks below every kept one exactly as scoring them all would rank it. Otherwise, or for a
 * page deeper than the kept records, the search scores every match as before.
 */
import type { Impact } from "./impacts";
import { KEY_FACETS_FROM } from "./key-facets";

/** Records kept per key: two pages of the API's default ten. */
export const KEY_TOPS_KEPT = 20;

/**
 * One key's best records: `[key, lower, ...positions]`, positions in its impact list, best first;
 * `lower` is the position of the best record left out with an impact below the last kept one's
 * (-1: none, every record left out has the same impact).
 */
export type KeyTopList = number[];

/**
 * The build's part: the lists of every key with at least `from` records (`keyDf[k]`: key `k`'s).
 * `impactOf(k)`: key `k`'s impact list, as the request path computes it; `rank[doc]`: the
 * record's place among equal scores.
 */
export function compileKeyTops(
  keyDf: readonly number[],
  impactOf: (key: number) => Impact,
  rank: ArrayLike<number>,
  from = KEY_FACETS_FROM,
  kept = KEY_TOPS_KEPT,
): KeyTopList[] {
  const lists: KeyTopList[] = [];
  for (let key = 0; key < keyDf.length; key++) {
    if ((keyDf[key] as number) < from) continue;
    const { docs, weights } = impactOf(key);
    if (docs.length === 0) continue;
    const order = [...docs.keys()].sort(
      (a, b) =>
        (weights[b] as number) - (weights[a] as number) ||
        (rank[docs[a] as number] as number) - (rank[docs[b] as number] as number),
    );
    const best = order.slice(0, kept);
    const last = weights[best[best.length - 1] as number] as number;
    const lower = order.slice(kept).find((position) => (weights[position] as number) < last) ?? -1;
    lists.push([key, lower, ...best]);
  }
  return lists;
}

/**
 * The request path's part: a common key's page read out of its list. Found by the key itself, so
 * a rare word, which has none, pays one map lookup (finding its position among the keys first
 * made a rare word's bare search ~20 % slower).
 */
export class KeyTops {
  private readonly byKey = new Map<string, KeyTopList>();

  constructor(lists: readonly KeyTopList[], keys: readonly string[]) {
    for (const list of lists) this.byKey.set(keys[list[0] as number] as string, list);
  }

  /** Key `key`'s list, if the build ranked its records. */
  listOf(key: string): KeyTopList | undefined {
    return this.byKey.get(key);
  }

  /**
   * The best `count` records of the key listed in `list` (impact list `impact`, worth `weight`
   * in this query), in the order scoring every record and paging would give; undefined when
   * `count` reaches past the kept ones or the weight makes a tie the build's order cannot settle.
   */
  top(list: KeyTopList, impact: Impact, weight: number, count: number): number[] | undefined {
    const { docs, weights } = impact;
    const held = list.length - 2;
    // Past the kept records, unless they are all the key's records.
    if (count > held && held < docs.length) return undefined;
    let previous = weights[list[2] as number] as number;
    for (let i = 3; i < list.length; i++) {
      const next = weights[list[i] as number] as number;
      if (next !== previous && !(weight * previous > weight * next)) return undefined;
      previous = next;
    }
    const lower = list[1] as number;
    if (lower >= 0 && !(weight * previous > weight * (weights[lower] as number))) return undefined;
    const shown = Math.min(count, held);
    const page = new Array<number>(shown);
    for (let i = 0; i < shown; i++) page[i] = docs[list[i + 2] as number] as number;
    return page;
  }
}
