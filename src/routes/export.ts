/**
 * `GET /v1/export`: every match of a search, streamed as CSV or NDJSON, with no page limit.
 * Documented in src/openapi/operations.ts.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { absoluteOrigin } from "../deployment";
import { EXPORT_CONTENT_TYPES, exportStream } from "../exports/export-stream";
import { validQuery } from "../middleware/validation";

export const exportRoutes = new Hono<AppEnv>().get("/v1/export", validQuery("exportParams"), async (c) => {
  const { format, ...request } = c.req.valid("query");
  const selection = await served.select(request);
  const origin = absoluteOrigin(c.env, c.req.url);
  const stream = exportStream(selection, format, (id) => `${origin}/records/${id}`);
  return c.body(stream, 200, {
    "Content-Type": EXPORT_CONTENT_TYPES[format],
    "Content-Disposition": `attachment; filename="pqsearch-export.${format}"`,
    "X-Total-Count": String(selection.total),
  });
});
