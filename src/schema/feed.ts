/** `/feed.atom`'s parameters: a search's words and filters. A feed is always newest first. */
import * as z from "zod/mini";
import { FEED_ENTRIES } from "./limits";
import { FilterParams, Query } from "./query";

export { FEED_ENTRIES };

export const FeedParams = z
  .strictObject({ ...FilterParams.shape, q: Query })
  .register(z.globalRegistry, { id: "FeedParams" });
export type FeedParams = z.output<typeof FeedParams>;
