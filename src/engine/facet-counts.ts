/** Counts facet values over a set of matching documents, from codes the build precomputed. */
import { FACET_NAMES, type Facets } from "../schema/facets";
import type { CompiledCollection } from "./compiled";

type FacetTables = Pick<CompiledCollection, "facetValues" | "facetCodes">;

export function countFacets(tables: FacetTables, docs: Iterable<number>): Facets {
  const docList = Array.isArray(docs) ? (docs as number[]) : [...docs];
  const facets = {} as Facets;
  for (const name of FACET_NAMES) {
    const codes = tables.facetCodes[name];
    const values = tables.facetValues[name];
    const tally = new Uint32Array(values.length);
    for (const doc of docList) {
      const code = codes[doc] ?? -1;
      if (code >= 0) tally[code] = (tally[code] ?? 0) + 1;
    }
    // Values come from the data; a null-prototype object keeps `__proto__` an ordinary key.
    const counts: Record<string, number> = Object.create(null);
    values.forEach((value, code) => {
      const count = tally[code] ?? 0;
      if (count > 0) counts[value] = count;
    });
    facets[name] = counts;
  }
  return facets;
}
