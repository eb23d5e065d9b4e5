/** `GET /v1/meta`: the collection's title, description, size, build id, fields and facets. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { Meta } from "../schema/meta";
import { json, notModified, rateLimited } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/meta",
  operationId: "getMeta",
  tags: ["collection"],
  security: [],
  summary: "Describe the collection",
  description:
    "The collection's title, description and size, the build that made it, the fields search looks in, and " +
    "facet counts over every record: the values the `party`, `member`, `body` and `heading` filters accept.",
  responses: {
    200: json(Meta, "What the collection is and the values its filters accept."),
    304: notModified,
    429: rateLimited("/v1/meta"),
  },
});

export const metaRoutes = new OpenAPIHono<AppEnv>().openapi(route, (c) => c.json(served.meta, 200));
