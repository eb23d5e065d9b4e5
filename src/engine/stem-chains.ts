/**
 * Where each stem of an analysed text occurs: a small open-addressing table from a stem number to
 * the first word holding it, and for each word the next word holding the same stem. Marking a
 * query's few stems then reads only the words that match, instead of searching every word of
 * the text once per stem (`indexOf`), and gets them in text order with no sort.
 *
 * Made for a text the second time it is marked (highlight.ts): a text marked once (a cold page)
 * pays nothing for it. Two bytes a slot and a word, so only texts of fewer than `MAX_WORDS` words
 * are chained: at most 6 bytes a word next to the analysis's 12.
 */

/** Texts of this many words or more keep no chains (a word's position must fit 16 bits). */
export const MAX_WORDS = 0xffff;
/** Shorter texts keep none either: their `indexOf` passes are short (a threshold chosen, not tuned). */
export const MIN_WORDS = 32;
/** `next[i]` when word i is the last holding its stem. */
const END = 0xffff;

export interface StemChains {
  /** `slots[s]`: 1 + the first word holding the stem hashed to s (or probed past it); 0: free. */
  slots: Uint16Array;
  /** log2 of `slots.length`, for the hash. */
  bits: number;
  /** `next[i]`: the next word holding word i's stem, `END` after the last. */
  next: Uint16Array;
}

/** The slot a stem number hashes to (Fibonacci hashing: the product's top `bits` bits). */
function home(id: number, bits: number): number {
  return Math.imul(id, 0x9e3779b1) >>> (32 - bits);
}

/** Chains for a text's stem numbers (`stemIds[i]`: word i's stem), of fewer than `MAX_WORDS` words. */
export function chainStems(stemIds: Uint32Array): StemChains {
  const words = stemIds.length;
  // More slots than words, so more than there are stems: every probe ends at a free slot.
  let bits = 1;
  while (1 << bits <= words) bits++;
  const mask = (1 << bits) - 1;
  const slots = new Uint16Array(1 << bits);
  const next = new Uint16Array(words);
  // Backwards, so each stem's slot ends up on its first word and each chain runs forwards.
  for (let i = words - 1; i >= 0; i--) {
    const id = stemIds[i] as number;
    for (let slot = home(id, bits); ; slot = (slot + 1) & mask) {
      const held = slots[slot] as number;
      if (held === 0) {
        next[i] = END;
        slots[slot] = i + 1;
        break;
      }
      if (stemIds[held - 1] === id) {
        next[i] = held - 1;
        slots[slot] = i + 1;
        break;
      }
    }
  }
  return { slots, bits, next };
}

/**
 * Appends the positions of the words holding stem `id` to `found` from `n`, in text order;
 * returns the new count.
 */
export function appendStem(chains: StemChains, stemIds: Uint32Array, id: number, found: Int32Array, n: number): number {
  const { slots, bits, next } = chains;
  const mask = slots.length - 1;
  for (let slot = home(id, bits); ; slot = (slot + 1) & mask) {
    const held = slots[slot] as number;
    if (held === 0) return n;
    if (stemIds[held - 1] !== id) continue;
    for (let at = held - 1; at !== END; at = next[at] as number) found[n++] = at;
    return n;
  }
}
