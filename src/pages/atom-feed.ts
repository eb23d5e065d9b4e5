/**
 * A search as an Atom feed (RFC 4287): its newest matches, newest first, each entry linking to its
 * record page. The feed's `updated` is its newest entry's, so it changes exactly when a newer
 * answer enters the search. Every link and id is absolute (feeds are read far from the site), and
 * text is escaped as XML 1.0 requires, characters XML cannot hold dropped.
 */
import type { QuestionRecord } from "../schema/record";
import { recordTitle } from "./record-page";

export interface FeedInput {
  /** The feed's title, as a reader lists it. */
  title: string;
  /** Who publishes it: the site's title. */
  publisher: string;
  /** Absolute URL of this feed, with its search: also its id. */
  selfUrl: string;
  /** Absolute URL of the results page showing the same search. */
  pageUrl: string;
  /** Absolute URL of a record's page. */
  recordUrl: (id: string) => string;
  /** The entries, newest first. */
  records: readonly QuestionRecord[];
  /** The day (YYYY-MM-DD) for an empty feed's `updated`, and an entry whose record has no date. */
  fallbackDay: string;
}

/** What RFC 4287 (XML 1.0) cannot hold: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it removes.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES = new Map([
  ["&", "&amp;"],
  ["<", "&lt;"],
  [">", "&gt;"],
  ['"', "&quot;"],
  ["'", "&apos;"],
]);

/** Text (or an attribute value) as XML: escaped, with characters XML cannot hold left out. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => XML_ESCAPES.get(char) as string);
}

/** A calendar day as an RFC 3339 date-time, as Atom's dates must be. */
const dateTime = (day: string) => `${day}T00:00:00Z`;

/** When a record last changed, as far as the source says: answered, else tabled. */
function entryDay(record: QuestionRecord, fallback: string): string {
  return record.answer?.dateAnswered ?? record.dateTabled ?? fallback;
}

/** The newest day among the entries, or `fallback` when there are none. */
export function feedDay(records: readonly QuestionRecord[], fallback: string): string {
  let newest: string | null = null;
  for (const record of records) {
    const day = entryDay(record, fallback);
    if (newest === null || day > newest) newest = day;
  }
  return newest ?? fallback;
}

function entry(record: QuestionRecord, input: FeedInput): string {
  const url = xmlText(input.recordUrl(record.id));
  const lines = [
    "<entry>",
    `<id>${url}</id>`,
    `<title type="text">${xmlText(recordTitle(record))}</title>`,
    `<link rel="alternate" type="text/html" href="${url}"/>`,
    `<updated>${dateTime(entryDay(record, input.fallbackDay))}</updated>`,
  ];
  if (record.dateTabled) lines.push(`<published>${dateTime(record.dateTabled)}</published>`);
  lines.push(`<author><name>${xmlText(record.askingMember.name)}</name></author>`);
  lines.push(`<category term="${xmlText(record.house)}" label="House of ${xmlText(record.house)}"/>`);
  if (record.answeringBody) lines.push(`<category term="${xmlText(record.answeringBody)}"/>`);
  lines.push(`<summary type="text">${xmlText(record.questionText)}</summary>`);
  if (record.answer) lines.push(`<content type="text">${xmlText(record.answer.text)}</content>`);
  lines.push("</entry>");
  return lines.join("\n");
}

/** The feed document. */
export function atomFeed(input: FeedInput): string {
  const updated = dateTime(feedDay(input.records, input.fallbackDay));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `<id>${xmlText(input.selfUrl)}</id>`,
    `<title type="text">${xmlText(input.title)}</title>`,
    `<updated>${updated}</updated>`,
    `<author><name>${xmlText(input.publisher)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(input.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(input.pageUrl)}"/>`,
    "<generator>pqsearch</generator>",
    "<rights>Contains Parliamentary information licensed under the Open Parliament Licence v3.0.</rights>",
    ...input.records.map((record) => entry(record, input)),
    "</feed>",
    "",
  ].join("\n");
}
