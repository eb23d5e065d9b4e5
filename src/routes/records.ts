/**
 * `GET /v1/records` (a filtered listing) and `GET /v1/records/{id}` (one record). Documented in
 * src/openapi/operations.ts.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validPath, validQuery } from "../middleware/validation";
import { ProblemError } from "../problem-error";

export const recordRoutes = new Hono<AppEnv>()
  .get("/v1/records", validQuery("recordsParams"), async (c) => {
    const request = c.req.valid("query");
    const result = await served.list(request);
    return c.json({ total: result.total, limit: request.limit, offset: request.offset, records: result.records }, 200);
  })
  .get("/v1/records/:id", validPath("recordPath"), async (c) => {
    const { id } = c.req.valid("param");
    const record = await served.record(id);
    if (!record) throw new ProblemError("not-found", `No record has id ${JSON.stringify(id)}.`);
    return c.json(record, 200);
  });
