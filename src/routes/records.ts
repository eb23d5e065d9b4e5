/** `GET /v1/records` (a filtered listing) and `GET /v1/records/{id}` (one record). */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { UnknownRecordError } from "../engine";
import { validationHook } from "../middleware/validation";
import { invalidParameters, ProblemError } from "../problem-error";
import { encodeCursor } from "../schema/cursor";
import { RecordId } from "../schema/primitives";
import { LIMITS, RecordsParams } from "../schema/query";
import { QuestionRecord } from "../schema/record";
import { RecordsResponse } from "../schema/search";
import { indexUnavailable, invalidQuery, json, notModified, problem, rateLimited } from "./responses";

const list = createRoute({
  method: "get",
  path: "/v1/records",
  operationId: "listRecords",
  tags: ["records"],
  security: [],
  summary: "List records",
  description:
    "Every record passing the filters, in source order. Page with `offset` up to 1,000 deep, or with `cursor` " +
    "(each page's `nextCursor`) through the whole listing, however long.",
  request: { query: RecordsParams },
  responses: {
    200: json(RecordsResponse, "A page of full records."),
    304: notModified,
    400: invalidQuery("/v1/records", LIMITS.recordsPageSize),
    429: rateLimited("/v1/records"),
    503: indexUnavailable("/v1/records"),
  },
});

const one = createRoute({
  method: "get",
  path: "/v1/records/{id}",
  operationId: "getRecord",
  tags: ["records"],
  security: [],
  summary: "Get one record",
  description: "The whole record with this id, as the build compiled it: question, answer and sources.",
  request: { params: z.object({ id: RecordId }) },
  responses: {
    200: json(QuestionRecord, "The record."),
    304: notModified,
    400: problem("invalid-parameters", "The id is not a well-formed record id.", {
      detail: 'id: expected 1-64 characters from A-Z a-z 0-9 _ -, found "not an id"',
      instance: "/v1/records/not%20an%20id",
      invalidParams: [{ name: "id", reason: 'expected 1-64 characters from A-Z a-z 0-9 _ -, found "not an id"' }],
    }),
    404: problem("not-found", "No record has this id.", {
      detail: 'No record has id "aaaaaaaaaaaa".',
      instance: "/v1/records/aaaaaaaaaaaa",
    }),
    429: rateLimited("/v1/records/aaaaaaaaaaaa"),
    503: indexUnavailable("/v1/records/aaaaaaaaaaaa"),
  },
});

export const recordRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
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
  .openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const record = await served.record(id);
    if (!record) throw new ProblemError("not-found", `No record has id ${JSON.stringify(id)}.`);
    return c.json(record, 200);
  });
