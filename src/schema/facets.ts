/** Facet counts: for each facet, how many matching records carry each value. */
import { z } from "zod";

export const FACET_NAMES = ["house", "party", "member", "answered", "year", "body", "heading"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

const Counts = z.record(z.string(), z.number().int().nonnegative());

export const Facets = z
  .object({
    house: Counts,
    party: Counts,
    member: Counts.meta({ description: "Asking members." }),
    answered: Counts.meta({ description: "Keys `true` and `false`." }),
    year: Counts.meta({ description: "Year answered; unanswered questions are not counted." }),
    body: Counts.meta({ description: "Answering body (department), where the source names one." }),
    heading: Counts.meta({ description: "The question's heading, where the source gives one." }),
  })
  .meta({ id: "Facets", description: "Counts over every match, not only the returned page." });
export type Facets = z.infer<typeof Facets>;
