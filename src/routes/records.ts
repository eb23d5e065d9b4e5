/**
 * `GET /v1/records` (a filtered listing) and `GET /v1/records/{id}` (one record). Documented in
 * src/openapi/operations.ts.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { UnknownRecordError } from "../engine";
import { validPath, validQuery } from "../middleware/validation";
import { invalidParameters, ProblemError } from "../problem-error";
import { encodeCursor } from "../schema/cursor-token";

export const recordRoutes = new Hono<AppEnv>()
  .get("/v1/records", validQuery("recordsParams"), async (c) => {
    const request = c.req.valid("query");
    const result = await served.list(request).catch((error: unknown) => {
      if (!(error instanceof UnknownRecordError)) throw error;
      const reason =
        "expected the nextCursor of an earlier page; the record it continues after is no longer in the collection, so start again without a cursor";
      throw invalidParameters([{ name: "cursor", reason }]);
    });
    const last = result.records.at(-1);
    const nextCursor = result.more && last ? encodeCursor(last.id) : null;
    const { total, records } = result;
    return c.json({ total, limit: request.limit, offset: request.offset, records, nextCursor }, 200);
  })
  .get("/v1/records/:id", validPath("recordPath"), async (c) => {
    const { id } = c.req.valid("param");
    const record = await served.record(id);
    if (!record) throw new ProblemError("not-found", `No record has id ${JSON.stringify(id)}.`);
    return c.json(record, 200);
  });
