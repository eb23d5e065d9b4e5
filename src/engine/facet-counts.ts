/** Counts facet values over a set of matching documents. */
import { FACET_NAMES, type Facets } from "../schema/facets";
import type { CompiledCollection } from "./compiled";

export function countFacets(collection: CompiledCollection, docs: Iterable<number>): Facets {
  const tallies = FACET_NAMES.map((name) => new Array<number>(collection.facetValues[name].length).fill(0));
  for (const doc of docs) {
    FACET_NAMES.forEach((name, f) => {
      const code = collection.facetCodes[name][doc] ?? -1;
      if (code >= 0) (tallies[f] as number[])[code]! += 1;
    });
  }
  const facets = {} as Facets;
  FACET_NAMES.forEach((name, f) => {
    const counts: Record<string, number> = Object.create(null);
    collection.facetValues[name].forEach((value, code) => {
      const count = (tallies[f] as number[])[code]!;
      if (count > 0) counts[value] = count;
    });
    facets[name] = counts;
  });
  return facets;
}
