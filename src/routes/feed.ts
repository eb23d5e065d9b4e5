/**
 * `GET /feed.atom`: a search, with its filters, as an Atom feed of its newest matches, so a reader
 * can follow a subject as answers arrive. Links are absolute (PUBLIC_URL, else the request's
 * origin: see deployment.ts). Its ETag is the build's, like every answer's: a new record changes
 * the build and so the tag.
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { absoluteOrigin } from "../deployment";
import { validationHook } from "../middleware/validation";
import { atomFeed } from "../pages/atom-feed";
import { withSearch } from "../pages/search-query";
import { FEED_ENTRIES, FeedParams } from "../schema/feed";
import { indexUnavailable, notModified, problem, rateLimited } from "./responses";
import { siteOf } from "./site-context";

export const FEED_PATH = "/feed.atom";
const ATOM = "application/atom+xml; charset=utf-8";

const route = createRoute({
  method: "get",
  path: FEED_PATH,
  operationId: "searchFeed",
  tags: ["search"],
  security: [],
  summary: "Follow a search as an Atom feed",
  description:
    `The newest ${FEED_ENTRIES} matches of a search (words and filters as /v1/search takes them), newest answer ` +
    "first, as an Atom (RFC 4287) feed whose entries link to the record pages. Its `updated` is the newest " +
    "entry's date, so it changes when a newer answer enters the search.",
  request: { query: FeedParams },
  responses: {
    200: {
      description: "The feed.",
      content: { "application/atom+xml": { schema: z.string().meta({ example: '<?xml version="1.0"?><feed …/>' }) } },
    },
    304: notModified,
    400: problem("invalid-parameters", "A parameter is invalid; `invalidParams` names each.", {
      detail: 'house: expected Commons or Lords, found "commons"',
      instance: FEED_PATH,
      invalidParams: [{ name: "house", reason: 'expected Commons or Lords, found "commons"' }],
    }),
    429: rateLimited(FEED_PATH),
    503: indexUnavailable(FEED_PATH),
  },
});

/** The feed's title: what it follows, then whose it is. */
function feedTitle(search: FeedParams, siteTitle: string): string {
  const what = search.q ? `“${search.q}”` : "Newest questions";
  const filtered = Object.entries(search).some(([name, value]) => name !== "q" && value !== undefined);
  return `${what}${filtered ? " (filtered)" : ""} · ${siteTitle}`;
}

export const feedRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
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
