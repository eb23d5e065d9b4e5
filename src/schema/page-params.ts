/**
 * The search page's query string: the API's search parameters, less `limit` (the page shows a
 * fixed number) and `facetLimit` (the facet list shows a fixed number of values).
 */
import * as z from "zod/mini";
import { SearchParams } from "./query";

const { limit: _pageSizeIsFixed, facetLimit: _facetListIsFixed, ...shape } = SearchParams.shape;

/** The page ignores parameters it does not know (trackers add them) instead of failing. */
export const PageParams = z.object(shape);
export type PageParams = z.output<typeof PageParams>;
