/** `GET /v1`: a short, machine-readable pointer to the API (the site's `/` is the search page). */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { served } from "../collection";

export const rootRoutes = new OpenAPIHono<AppEnv>()
  // Browsers ask for this on every page; answer "no icon" instead of logging a 404.
  .get("/favicon.ico", (c) => c.body(null, 204, { "Cache-Control": "public, max-age=86400" }))
  .get("/v1", (c) =>
    c.json({
      name: "pqsearch",
      title: served.meta.title,
      records: served.meta.records,
      api: { openapi: "/openapi.json", search: "/v1/search?q=", records: "/v1/records", meta: "/v1/meta" },
      pages: { search: "/?q=", record: "/records/{id}" },
    }),
  );
