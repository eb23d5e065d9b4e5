/**
 * A record as Highwire Press `citation_*` meta tags, which Zotero's connector and Google Scholar
 * read from a page's head: a technical report by the asking member, issued by the House, numbered
 * by UIN, dated the day it was answered.
 */
import type { CitationFields } from "./citation";

/** Highwire dates are YYYY/MM/DD. */
const slashed = (date: string) => date.replaceAll("-", "/");

/** [name, content] pairs, in the order the tags are printed. */
export function highwireTags(fields: CitationFields): Array<[string, string]> {
  const tags: Array<[string, string]> = [
    ["citation_title", `Written question: ${fields.title}`],
    ["citation_author", fields.askingMember],
  ];
  const date = fields.dateAnswered ?? fields.dateTabled;
  if (date) tags.push(["citation_publication_date", slashed(date)], ["citation_date", slashed(date)]);
  tags.push(["citation_publisher", `House of ${fields.house}`]);
  tags.push(["citation_technical_report_institution", `House of ${fields.house}`]);
  if (fields.uin) tags.push(["citation_technical_report_number", fields.uin]);
  tags.push(["citation_language", "en"], ["citation_public_url", fields.url]);
  // The page itself holds the question and answer in full.
  tags.push(["citation_fulltext_html_url", fields.url]);
  return tags;
}
