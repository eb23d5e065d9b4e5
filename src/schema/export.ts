/** `/v1/export`'s parameters: a search's words, filters and order, and the file format wanted. */
import * as z from "zod/mini";
import { FilterParams, Query, Sort } from "./query";

// No component id: a query parameter's schema stays inline, as generated clients read it.
export const ExportFormat = z.enum(["csv", "ndjson"], { error: "expected csv or ndjson" }).register(z.globalRegistry, {
  description:
    "csv: RFC 4180, UTF-8 (with a byte-order mark, for spreadsheets), a header row, one row per record; " +
    "ndjson: one whole record (as /v1/records/{id} gives it) per line.",
});
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportParams = z
  .strictObject({
    ...FilterParams.shape,
    q: Query,
    sort: z
      ._default(Sort, "relevance")
      .register(z.globalRegistry, { description: "relevance (default), newest or oldest by dateAnswered." }),
    format: ExportFormat,
  })
  .register(z.globalRegistry, { id: "ExportParams" });
export type ExportParams = z.output<typeof ExportParams>;
