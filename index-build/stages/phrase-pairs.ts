/**
 * Stage 5b, phrase pairs: the index of adjacent stem pairs that lets a quoted phrase be answered
 * by lookup (see src/engine/phrase-pairs.ts for the rule deciding which pairs are stored).
 */
import { encodeDocSet } from "../../src/engine/doc-sets";
import { PAIR_MIN_SHARED, type PhrasePairs, shareAtLeast } from "../../src/engine/phrase-pairs";

/**
 * @param pairsByDoc each record's adjacent pairs, over all its fields (`adjacentPairs` per field)
 * @param docsOfKey each key's records in any field, as the engine's impact lists hold them
 */
export function compilePhrasePairs(
  pairsByDoc: ReadonlyArray<ReadonlySet<string>>,
  docsOfKey: ReadonlyMap<string, ReadonlySet<number>>,
): PhrasePairs {
  const docsOfPair = new Map<string, number[]>();
  pairsByDoc.forEach((pairs, doc) => {
    for (const pair of pairs) {
      const docs = docsOfPair.get(pair);
      if (docs) docs.push(doc);
      else docsOfPair.set(pair, [doc]);
    }
  });

  const sorted = new Map<string, Int32Array>();
  const sortedDocsOf = (key: string) => {
    let docs = sorted.get(key);
    if (!docs) {
      docs = Int32Array.from(docsOfKey.get(key) ?? []).sort();
      sorted.set(key, docs);
    }
    return docs;
  };
  const stored = (pair: string, adjacentIn: number) => {
    // Standing together that often, the words certainly share that many records.
    if (adjacentIn >= PAIR_MIN_SHARED) return true;
    const split = pair.indexOf("+");
    return shareAtLeast(sortedDocsOf(pair.slice(0, split)), sortedDocsOf(pair.slice(split + 1)), PAIR_MIN_SHARED);
  };

  const entries: PhrasePairs = [];
  for (const [pair, docs] of docsOfPair)
    if (stored(pair, docs.length)) entries.push([pair, encodeDocSet(docs, pairsByDoc.length)]);
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
