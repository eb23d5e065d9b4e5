/**
 * `GET /v1`: a short, machine-readable pointer to the API (the site's `/` is the search page),
 * and the files browsers and crawlers ask every site for (icons, robots.txt, sitemap).
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { siteFileRoutes } from "./site-files";

export const rootRoutes = new Hono<AppEnv>().route("/", siteFileRoutes).get("/v1", (c) =>
  c.json({
    name: "pqsearch",
    title: served.meta.title,
    records: served.meta.records,
    api: { openapi: "/openapi.json", search: "/v1/search?q=", records: "/v1/records", meta: "/v1/meta" },
    pages: { search: "/?q=", record: "/records/{id}", about: "/about" },
  }),
);
