/** `GET /v1/export`: every match of a search, streamed as CSV or NDJSON, with no page limit. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { absoluteOrigin } from "../deployment";
import { EXPORT_CONTENT_TYPES, exportStream } from "../exports/export-stream";
import { validationHook } from "../middleware/validation";
import { ExportParams } from "../schema/export";
import { indexUnavailable, notModified, problem, rateLimited } from "./responses";

const CSV_EXAMPLE =
  '\uFEFF"id","recordUrl","house","uin","dateTabled","dateAnswered","askingMember",…\r\n' +
  '"wq-1282662","https://search.example.org/records/wq-1282662","Commons","146937","2021-01-28","2021-02-01","Mr David Jones",…\r\n';

const route = createRoute({
  method: "get",
  path: "/v1/export",
  operationId: "exportRecords",
  tags: ["records"],
  security: [],
  summary: "Export every match of a search",
  description:
    "The same words, filters and order as /v1/search, but every match (no page, no 1,000 limit), streamed as " +
    "CSV or NDJSON. CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or " +
    "carriage return) are prefixed with an apostrophe. Record URLs are absolute: under PUBLIC_URL, else the " +
    "request's origin.",
  request: { query: ExportParams },
  responses: {
    200: {
      description: "The whole export, streamed; `X-Total-Count` says how many records it holds.",
      headers: {
        "X-Total-Count": { description: "Records in the export.", schema: { type: "integer" as const } },
        "Content-Disposition": { description: "A file name to save it under.", schema: { type: "string" as const } },
      },
      content: {
        "text/csv": { schema: z.string().meta({ example: CSV_EXAMPLE }) },
        "application/x-ndjson": {
          schema: z.string().meta({ description: "One JSON Record per line.", example: '{"id":"wq-1282662",…}\n' }),
        },
      },
    },
    304: notModified,
    400: problem("invalid-parameters", "A parameter is invalid; `invalidParams` names each.", {
      detail: 'format: expected csv or ndjson, found "xlsx"',
      instance: "/v1/export",
      invalidParams: [{ name: "format", reason: 'expected csv or ndjson, found "xlsx"' }],
    }),
    429: rateLimited("/v1/export"),
    503: indexUnavailable("/v1/export"),
  },
});

export const exportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
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
