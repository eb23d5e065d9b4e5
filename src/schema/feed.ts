/** `/feed.atom`'s parameters: a search's words and filters. A feed is always newest first. */
import type { z } from "zod";
import { FilterParams, Query } from "./query";

/** Entries in a feed: the newest matches; a reader polling it sees each new answer long before it drops off. */
export const FEED_ENTRIES = 50;

export const FeedParams = FilterParams.extend({ q: Query }).strict().meta({ id: "FeedParams" });
export type FeedParams = z.output<typeof FeedParams>;
