/** `/v1/meta`: what the collection is and what can be filtered on. */
import { z } from "zod";
import { CollectionRefresh } from "./collection-refresh";
import { Facets } from "./facets";

export const SearchField = z
  .object({
    name: z.string().meta({ example: "questionText" }),
    weight: z.number().meta({ description: "How much a match in this field counts towards relevance." }),
  })
  .meta({ id: "SearchField" });

export const Meta = z
  .object({
    title: z.string(),
    description: z.string(),
    records: z.number().int().nonnegative(),
    buildId: z.string().meta({ description: "Content hash of the build; changes whenever the data does." }),
    fields: z.array(SearchField).meta({ description: "The fields full-text search looks in." }),
    facets: Facets.meta({ description: "Counts over the whole collection; the values filters accept." }),
    refresh: CollectionRefresh.optional().meta({
      description: "How the collection is kept current from the written-questions API; absent if it never was.",
    }),
  })
  .meta({ id: "Meta" });
export type Meta = z.infer<typeof Meta>;
