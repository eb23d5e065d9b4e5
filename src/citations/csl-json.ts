/**
 * A record as CSL-JSON, the citation data Zotero, Pandoc and citeproc read: one item of type
 * "document" (CSL has no type for a parliamentary question), the asking member as author (a
 * literal name: members' names carry honorifics and titles), the House as publisher, the UIN as
 * the number, issued on the date answered.
 */
import type { CslItem } from "../schema/csl-item";
import type { CitationFields } from "./citation";

export const CSL_JSON_TYPE = "application/vnd.citationstyles.csl+json";

const dateParts = (date: string) => ({ "date-parts": [date.split("-").map(Number)] });

export function cslJsonOf(id: string, fields: CitationFields): CslItem[] {
  const item: CslItem = {
    id,
    type: "document",
    title: `Written question: ${fields.title}`,
    author: [{ literal: fields.askingMember }],
    publisher: `House of ${fields.house}`,
    "publisher-place": "London",
    genre: "Written question",
    URL: fields.url,
    abstract: fields.abstract,
  };
  if (fields.uin) item.number = fields.uin;
  const issued = fields.dateAnswered ?? fields.dateTabled;
  if (issued) item.issued = dateParts(issued);
  if (fields.dateTabled) item.submitted = dateParts(fields.dateTabled);
  if (fields.answeringBody) item.authority = fields.answeringBody;
  return [item];
}
