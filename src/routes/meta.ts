/** `GET /v1/meta`: the collection's title, description, size, build id, fields and facets. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { Meta } from "../schema/meta";
import { json, notModified, rateLimited } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/meta",
  summary: "Describe the collection",
  responses: {
    200: json(Meta, "What the collection is and the values its filters accept."),
    304: notModified,
    429: rateLimited,
  },
});

export const metaRoutes = new OpenAPIHono<AppEnv>().openapi(route, (c) => c.json(served.meta, 200));
