/**
 * The judged sets this machine can score, each with its collection and every engine built on it
 * once. `real` is left out, with the reason, where the shared corpora are absent (a public clone).
 */
import type { CompiledCollection } from "../src/engine";
import { loadCollection, REAL, realCollectionMissing } from "./collections";
import { ENGINES } from "./engines";
import type { RankingEngine } from "./engines/ranking-engine";
import { type JudgedSet, loadJudgedSet, SET_NAMES } from "./judged-set";

export interface LoadedSet {
  name: string;
  set: JudgedSet;
  collection: CompiledCollection;
  engines: RankingEngine[];
}

const enginesBuilt = new Map<string, Promise<RankingEngine[]>>();

/** pqsearch and the peers on one collection, built once per process. */
export function enginesOn(spec: string): Promise<RankingEngine[]> {
  let engines = enginesBuilt.get(spec);
  if (!engines) {
    engines = loadCollection(spec).then((collection) => Promise.all(ENGINES.map((make) => make(collection))));
    enginesBuilt.set(spec, engines);
  }
  return engines;
}

export async function loadSets(
  names: readonly string[] = SET_NAMES,
): Promise<{ sets: LoadedSet[]; skipped: Array<{ name: string; reason: string }> }> {
  const sets: LoadedSet[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  for (const name of names) {
    const set = loadJudgedSet(name);
    const missing = set.collection === REAL ? realCollectionMissing() : null;
    if (missing) {
      skipped.push({ name, reason: missing });
      continue;
    }
    sets.push({
      name,
      set,
      collection: await loadCollection(set.collection),
      engines: await enginesOn(set.collection),
    });
  }
  return { sets, skipped };
}
