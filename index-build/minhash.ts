/**
 * Near-duplicate detection for the build: word shingles, their exact Jaccard similarity, and
 * MinHash signatures banded for locality-sensitive hashing, so that finding every pair of texts
 * at or above a similarity costs one signature per text and a few bucket lookups, not a
 * comparison of every pair. Candidates are always confirmed with the exact Jaccard similarity,
 * so MinHash can miss a pair (rarely, see `candidatePairs`) but never invents one.
 */

/** Words per shingle: three keeps word order (a reordered answer is not the same answer). */
export const SHINGLE_WORDS = 3;

/** Signature length, as `BANDS` bands of `ROWS` hashes each. */
const BANDS = 16;
const ROWS = 4;

/** FNV-1a, 32 bits, over UTF-16 code units. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes a word's hash into a shingle's (murmur3's finaliser constants), so word order counts. */
function combine(hash: number, word: number): number {
  let mixed = Math.imul(hash ^ word, 0xcc9e2d51);
  mixed = (mixed << 15) | (mixed >>> 17);
  return Math.imul(mixed, 0x1b873593) >>> 0;
}

/**
 * The distinct `SHINGLE_WORDS`-word runs of `words` (a shorter text is one shingle), each as a
 * 32-bit hash: numbers are cheaper to hash, store and compare than joined strings, and two
 * different shingles share a hash about once in four billion.
 */
export function shinglesOf(words: readonly string[]): Set<number> {
  const shingles = new Set<number>();
  const hashes = words.map(hash32);
  const runs = Math.max(1, words.length - SHINGLE_WORDS + 1);
  if (words.length === 0) return shingles;
  for (let i = 0; i < runs; i++) {
    let hash = 0x9747b28c;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, hashes.length); j++) hash = combine(hash, hashes[j] as number);
    shingles.add(hash);
  }
  return shingles;
}

/** |a ∩ b| / |a ∪ b|; 1 for two empty sets. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Fixed odd multipliers and offsets (a seeded xorshift), so every build hashes alike. */
const [MULTIPLIERS, OFFSETS] = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const multipliers = new Uint32Array(BANDS * ROWS);
  const offsets = new Uint32Array(BANDS * ROWS);
  for (let p = 0; p < multipliers.length; p++) {
    multipliers[p] = next() | 1;
    offsets[p] = next();
  }
  return [multipliers, offsets];
})();

/** The MinHash signature of a shingle set: per permutation, the least permuted hash. */
export function signatureOf(shingles: ReadonlySet<number>): Uint32Array {
  const signature = new Uint32Array(MULTIPLIERS.length).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let p = 0; p < MULTIPLIERS.length; p++) {
      const permuted = (Math.imul(shingle, MULTIPLIERS[p] as number) + (OFFSETS[p] as number)) >>> 0;
      if (permuted < (signature[p] as number)) signature[p] = permuted;
    }
  }
  return signature;
}

/**
 * In a bucket of more texts than this, each is paired only with this many before it: thousands of
 * nearly identical texts (a template with one word changed) would otherwise make millions of
 * pairs. Texts that are truly near-identical still end up joined, through the chain.
 */
export const BUCKET_NEIGHBOURS = 8;

/**
 * Every pair of signatures (by position) that agrees on all rows of at least one band: the pairs
 * worth comparing exactly (within a large bucket, each with its `BUCKET_NEIGHBOURS` predecessors).
 * Two texts of Jaccard similarity J share a band with probability 1 − (1 − J⁴)¹⁶: 0.9998 at
 * J = 0.8, 0.64 at J = 0.5, 0.03 at J = 0.2.
 */
export function candidatePairs(signatures: readonly Uint32Array[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const seen = new Set<number>();
  const count = signatures.length;
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((signature, at) => {
      const key = Array.from(signature.subarray(band * ROWS, band * ROWS + ROWS)).join(",");
      const bucket = buckets.get(key);
      if (bucket) bucket.push(at);
      else buckets.set(key, [at]);
    });
    for (const bucket of buckets.values()) {
      for (let j = 1; j < bucket.length; j++) {
        for (let i = Math.max(0, j - BUCKET_NEIGHBOURS); i < j; i++) {
          const a = bucket[i] as number;
          const b = bucket[j] as number;
          const pair = a * count + b;
          if (seen.has(pair)) continue;
          seen.add(pair);
          pairs.push([a, b]);
        }
      }
    }
  }
  return pairs;
}
