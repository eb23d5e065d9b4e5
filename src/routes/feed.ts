/**
 * `GET /feed.atom`: a search, with its filters, as an Atom feed of its newest matches, so a reader
 * can follow a subject as answers arrive. Links are absolute (PUBLIC_URL, else the request's
 * origin: see deployment.ts). Its ETag is the build's, like every answer's: a new record changes
 * the build and so the tag. Documented in src/openapi/operations.ts.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { absoluteOrigin } from "../deployment";
import { validQuery } from "../middleware/validation";
import { atomFeed } from "../pages/atom-feed";
import { withSearch } from "../pages/search-query";
import type { FeedParams } from "../schema/feed";
import { FEED_ENTRIES } from "../schema/limits";
import { siteOf } from "./site-context";

export const FEED_PATH = "/feed.atom";
const ATOM = "application/atom+xml; charset=utf-8";

/** The feed's title: what it follows, then whose it is. */
function feedTitle(search: FeedParams, siteTitle: string): string {
  const what = search.q ? `“${search.q}”` : "Newest questions";
  const filtered = Object.entries(search).some(([name, value]) => name !== "q" && value !== undefined);
  return `${what}${filtered ? " (filtered)" : ""} · ${siteTitle}`;
}

export const feedRoutes = new Hono<AppEnv>().get(FEED_PATH, validQuery("feedParams"), async (c) => {
  const search = c.req.valid("query");
  const [found, everything] = await Promise.all([
    served.select({ ...search, sort: "newest" }),
    // An empty feed is as old as the collection's newest record.
    served.select({ q: "", sort: "newest" }),
  ]);
  const [records, [newest]] = await Promise.all([found.records(0, FEED_ENTRIES), everything.records(0, 1)]);
  const origin = absoluteOrigin(c.env, c.req.url);
  const body = atomFeed({
    title: feedTitle(search, siteOf(c).title),
    publisher: siteOf(c).title,
    selfUrl: origin + withSearch(FEED_PATH, search),
    pageUrl: origin + withSearch("/", search),
    recordUrl: (id) => `${origin}/records/${id}`,
    records,
    fallbackDay: newest?.answer?.dateAnswered ?? newest?.dateTabled ?? "1970-01-01",
  });
  return c.body(body, 200, { "Content-Type": ATOM });
});
