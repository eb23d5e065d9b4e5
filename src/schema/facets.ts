/**
 * The facets: what search results are counted by, and the shape of those counts. The counts'
 * zod schema is in facet-counts.ts, apart, because the engine (and so the Worker at start-up)
 * needs only the names.
 */
import type * as z from "zod/mini";
import type { Facets as FacetCounts } from "./facet-counts";

export const FACET_NAMES = ["house", "party", "member", "answered", "year", "body", "heading"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** For each facet, how many matching records carry each value. */
export type Facets = z.infer<typeof FacetCounts>;
