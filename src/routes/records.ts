/** `GET /v1/records` (a filtered listing) and `GET /v1/records/{id}` (one record). */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validationHook } from "../middleware/validation";
import { notFound } from "../problem";
import { RecordId } from "../schema/primitives";
import { RecordsParams } from "../schema/query";
import { QuestionRecord } from "../schema/record";
import { RecordsResponse } from "../schema/search";
import { json, notModified, problem, rateLimited } from "./responses";

const list = createRoute({
  method: "get",
  path: "/v1/records",
  summary: "List records",
  description: "Every record passing the filters, in source order.",
  request: { query: RecordsParams },
  responses: {
    200: json(RecordsResponse, "A page of full records."),
    304: notModified,
    400: problem("A parameter is invalid; `invalidParams` names each."),
    429: rateLimited,
  },
});

const one = createRoute({
  method: "get",
  path: "/v1/records/{id}",
  summary: "Get one record",
  request: { params: z.object({ id: RecordId }) },
  responses: {
    200: json(QuestionRecord, "The record."),
    304: notModified,
    400: problem("The id is not a well-formed record id."),
    404: problem("No record has this id."),
    429: rateLimited,
  },
});

export const recordRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const request = c.req.valid("query");
    const result = await served.list(request);
    return c.json({ total: result.total, limit: request.limit, offset: request.offset, records: result.records }, 200);
  })
  .openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const record = await served.record(id);
    if (!record) return notFound(c, `No record has id ${JSON.stringify(id)}.`) as never;
    return c.json(record, 200);
  });
