/** `/v1/meta`: what the collection is and what can be filtered on. */
import * as z from "zod/mini";
import { CollectionRefresh } from "./collection-refresh";
import { Facets } from "./facet-counts";

export const SearchField = z
  .object({
    name: z.string().check(z.meta({ example: "questionText" })),
    weight: z.number().check(z.meta({ description: "How much a match in this field counts towards relevance." })),
  })
  .register(z.globalRegistry, { id: "SearchField" });

export const Meta = z
  .object({
    title: z.string(),
    description: z.string(),
    records: z.number().check(z.int(), z.nonnegative()),
    buildId: z.string().check(z.meta({ description: "Content hash of the build; changes whenever the data does." })),
    fields: z.array(SearchField).check(z.meta({ description: "The fields full-text search looks in." })),
    facets: Facets.check(z.meta({ description: "Counts over the whole collection; the values filters accept." })),
    refresh: z.optional(CollectionRefresh).check(
      z.meta({
        description: "How the collection is kept current from the written-questions API; absent if it never was.",
      }),
    ),
  })
  .register(z.globalRegistry, { id: "Meta" });
export type Meta = z.infer<typeof Meta>;
