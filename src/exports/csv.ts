/**
 * Records as CSV (RFC 4180): a header row, one row per record, every field quoted, CRLF line ends.
 * Safe to open in a spreadsheet: a cell that would start with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read as a formula by Excel, LibreOffice and Google Sheets (CSV injection,
 * OWASP), so it is prefixed with an apostrophe, which they show as text.
 */
import type { QuestionRecord } from "../schema/record";

/** One column: its header and how a record fills it. */
interface Column {
  header: string;
  value: (record: QuestionRecord, recordUrl: string) => string | null | undefined;
}

export const CSV_COLUMNS: readonly Column[] = [
  { header: "id", value: (record) => record.id },
  { header: "recordUrl", value: (_, recordUrl) => recordUrl },
  { header: "house", value: (record) => record.house },
  { header: "uin", value: (record) => record.uin },
  { header: "dateTabled", value: (record) => record.dateTabled },
  { header: "dateAnswered", value: (record) => record.answer?.dateAnswered },
  { header: "askingMember", value: (record) => record.askingMember.name },
  { header: "askingMemberParty", value: (record) => record.askingMember.party },
  { header: "askingMemberFrom", value: (record) => record.askingMember.memberFrom },
  { header: "answeringBody", value: (record) => record.answeringBody },
  { header: "heading", value: (record) => record.heading },
  { header: "questionText", value: (record) => record.questionText },
  { header: "answeringMember", value: (record) => record.answer?.answeringMember?.name },
  { header: "answerText", value: (record) => record.answer?.text },
  { header: "sourceUrl", value: (record) => record.url },
];

/** What a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised if it could run as a formula, quoted, its quotes doubled. */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? "";
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The header row, with its CRLF. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.map((column) => csvCell(column.header)).join(",")}\r\n`;
}

/** One record's row, with its CRLF; `recordUrl` is its page's absolute address. */
export function csvRow(record: QuestionRecord, recordUrl: string): string {
  return `${CSV_COLUMNS.map((column) => csvCell(column.value(record, recordUrl))).join(",")}\r\n`;
}
