/**
 * The search page's query string: the API's search parameters, less `limit` (the page shows a
 * fixed number), `facetLimit` (the facet list shows a fixed number of values) and `highlight`
 * (pages always mark the matches).
 */
import * as z from "zod/mini";
import { SearchParams } from "./query";

const {
  limit: _pageSizeIsFixed,
  facetLimit: _facetListIsFixed,
  highlight: _pagesAlwaysMark,
  ...shape
} = SearchParams.shape;

/** The page ignores parameters it does not know (trackers add them) instead of failing. */
export const PageParams = z.object(shape);
export type PageParams = z.output<typeof PageParams>;
