/**
 * An export as a stream: every record of a selection, a slice at a time, as CSV or NDJSON. Each
 * read fetches and encodes one slice (`EXPORT_SLICE` records), so the work per chunk is bounded and
 * the Worker never holds the whole file; nothing is read until the client reads (a 304 or an
 * abandoned download costs no records).
 */
import type { Selection } from "../engine";
import type { ExportFormat } from "../schema/export";
import { csvHeader, csvRow } from "./csv";

/** Records per chunk: large enough to amortise a shard fetch, small enough to bound each chunk's CPU. */
export const EXPORT_SLICE = 100;

/** UTF-8's byte-order mark: without it Excel reads a CSV as the system's legacy code page. */
const BOM = "\uFEFF";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/** The stream of a whole export; `recordUrl` turns an id into its record page's absolute address. */
export function exportStream(
  selection: Selection,
  format: ExportFormat,
  recordUrl: (id: string) => string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = "";
        if (!started) {
          started = true;
          if (format === "csv") text = BOM + csvHeader();
        }
        const records = next < selection.total ? await selection.records(next, EXPORT_SLICE) : [];
        next += EXPORT_SLICE;
        for (const record of records)
          text += format === "csv" ? csvRow(record, recordUrl(record.id)) : `${JSON.stringify(record)}\n`;
        if (text) controller.enqueue(encoder.encode(text));
        if (next >= selection.total) controller.close();
      },
    },
    // Pull only when the client reads: a 304 or a cancelled download fetches nothing.
    { highWaterMark: 0 },
  );
}
