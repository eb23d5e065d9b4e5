/** `GET /`: a short, machine-readable pointer to the API for anyone who opens the bare URL. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { served } from "../collection";

export const rootRoutes = new OpenAPIHono<AppEnv>()
  // Browsers ask for this on every page; answer "no icon" instead of logging a 404.
  .get("/favicon.ico", (c) => c.body(null, 204, { "Cache-Control": "public, max-age=86400" }))
  .get("/", (c) =>
    c.json({
      name: "pqsearch",
      title: served.meta.title,
      records: served.meta.records,
      api: { openapi: "/openapi.json", search: "/v1/search?q=", records: "/v1/records", meta: "/v1/meta" },
    }),
  );
