/**
 * A compact, JSON-friendly text form for an ascending set of record numbers, used by the
 * phrase-pair index (which holds a million of them at 10,000 records, so plain JSON arrays would
 * double the index). Two forms, whichever is shorter:
 *
 * - `d…` sparse: the gaps between successive records, each in base 32 with the least significant
 *   digit first; a digit ≥ 32 in the alphabet means "more digits follow". A gap under 32 is one
 *   character.
 * - `b…` dense: a bitmap, six records per character.
 *
 * The 64 characters need no escaping in JSON and compress well.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function encodeDocSet(docs: readonly number[], size: number): string {
  let sparse = "d";
  let previous = -1;
  for (const doc of docs) {
    let gap = doc - previous - 1;
    previous = doc;
    while (gap >= 32) {
      sparse += ALPHABET[32 + (gap & 31)];
      gap >>>= 5;
    }
    sparse += ALPHABET[gap];
  }
  const cells = Math.ceil(size / 6);
  if (sparse.length <= cells + 1) return sparse;
  const bits = new Uint8Array(cells);
  for (const doc of docs) bits[(doc / 6) | 0] = (bits[(doc / 6) | 0] as number) | (1 << (doc % 6));
  let dense = "b";
  for (const cell of bits) dense += ALPHABET[cell];
  return dense;
}

/** Calls `visit` with each record of an encoded set, in ascending order. */
export function forEachDoc(encoded: string, visit: (doc: number) => void): void {
  if (encoded.charCodeAt(0) === 98 /* b */) {
    for (let at = 1; at < encoded.length; at++) {
      const cell = VALUE[encoded.charCodeAt(at)] as number;
      if (cell === 0) continue;
      for (let bit = 0; bit < 6; bit++) if (cell & (1 << bit)) visit((at - 1) * 6 + bit);
    }
    return;
  }
  let doc = -1;
  let gap = 0;
  let shift = 0;
  for (let at = 1; at < encoded.length; at++) {
    const digit = VALUE[encoded.charCodeAt(at)] as number;
    if (digit >= 32) {
      gap += (digit - 32) * 2 ** shift;
      shift += 5;
      continue;
    }
    doc += gap + digit * 2 ** shift + 1;
    visit(doc);
    gap = 0;
    shift = 0;
  }
}
