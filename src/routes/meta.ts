/**
 * `GET /v1/meta`: the collection's title, description, size, build id, fields and facets.
 * Documented in src/openapi/operations.ts.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";

export const metaRoutes = new Hono<AppEnv>().get("/v1/meta", (c) => c.json(served.meta, 200));
