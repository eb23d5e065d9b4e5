/**
 * A record as RIS, the tagged format every reference manager imports (Zotero, EndNote, Mendeley):
 * type GOVDOC, the asking member as author, the House as publisher, the UIN as the number, the
 * date answered as the date. Lines end CRLF, as the format's specification writes them.
 */
import type { CitationFields } from "./citation";

export const RIS_TYPE = "application/x-research-info-systems";

/** One tag line; values lose any line break, which would start a new tag. */
const tag = (name: string, value: string) => `${name}  - ${value.replace(/\s*[\r\n]+\s*/g, " ")}`;

/** RIS dates are YYYY/MM/DD. */
const risDate = (date: string) => date.replaceAll("-", "/");

export function risOf(fields: CitationFields): string {
  const lines = [tag("TY", "GOVDOC"), tag("TI", `Written question: ${fields.title}`), tag("AU", fields.askingMember)];
  lines.push(tag("PB", `House of ${fields.house}`), tag("CY", "London"));
  if (fields.uin) lines.push(tag("M1", fields.uin));
  const date = fields.dateAnswered ?? fields.dateTabled;
  if (date) lines.push(tag("PY", date.slice(0, 4)), tag("DA", risDate(date)));
  if (fields.answeringBody) lines.push(tag("A2", fields.answeringBody));
  lines.push(tag("AB", fields.abstract), tag("UR", fields.url));
  if (fields.officialUrl) lines.push(tag("L2", fields.officialUrl));
  lines.push(tag("N1", notes(fields)), tag("ER", ""));
  return `${lines.join("\r\n")}\r\n`;
}

function notes(fields: CitationFields): string {
  const said = [`Tabled ${fields.dateTabled ?? "(date not recorded)"}`];
  said.push(
    fields.dateAnswered
      ? `answered ${fields.dateAnswered}${fields.answeringMember ? ` by ${fields.answeringMember}` : ""}`
      : "not yet answered",
  );
  return `${said.join("; ")}.`;
}
