/**
 * A record as a reference: the fields every citation format is made from, and the one-line
 * citation a reader pastes into a footnote. It follows how written questions are cited in
 * practice (the House of Commons Library's "PQ 146937 [on Iran: Human Rights]" and footnotes
 * naming the member): who asked, the UIN where known, the subject in square brackets, the House,
 * the dates tabled and answered, then the permanent link.
 */

import { truncate } from "../pages/format";
import { withoutOpening } from "../pages/question-opening";
import { longDate } from "../schema/long-date";
import type { QuestionRecord } from "../schema/record";

export interface CitationFields {
  /** The heading, else what the question asks, cut short. */
  title: string;
  askingMember: string;
  answeringMember: string | null;
  answeringBody: string | null;
  house: QuestionRecord["house"];
  uin: string | null;
  dateTabled: string | null;
  dateAnswered: string | null;
  /** The record's permanent address on this site. */
  url: string;
  /** The question at its source (Parliament's page), where known. */
  officialUrl: string | null;
  abstract: string;
}

/** Longest subject a citation carries before cutting it short. */
const TITLE_CHARS = 100;

/** The schema's `z.url()` accepts other schemes than the web's; a citation links only to the web. */
const webUrl = (url: string | undefined) => (url !== undefined && /^https?:\/\//i.test(url) ? url : null);

export function citationFields(record: QuestionRecord, permanentUrl: string): CitationFields {
  return {
    title: record.heading ?? truncate(withoutOpening(record.questionText), TITLE_CHARS),
    askingMember: record.askingMember.name,
    answeringMember: record.answer?.answeringMember?.name ?? null,
    answeringBody: record.answeringBody ?? null,
    house: record.house,
    uin: record.uin ?? null,
    dateTabled: record.dateTabled,
    dateAnswered: record.answer?.dateAnswered ?? null,
    url: permanentUrl,
    officialUrl: webUrl(record.url),
    abstract: record.questionText,
  };
}

/**
 * The citation, without the link that follows it:
 * "Jim Shannon, written question 146937 [Iran: Human Rights], House of Commons, tabled 28 January 2021, answered by Nigel Adams 1 February 2021."
 */
export function citationText(fields: CitationFields): string {
  const parts = [
    `${fields.askingMember}, written question${fields.uin ? ` ${fields.uin}` : ""} [${fields.title}]`,
    `House of ${fields.house}`,
  ];
  if (fields.dateTabled) parts.push(`tabled ${longDate(fields.dateTabled)}`);
  if (fields.dateAnswered)
    parts.push(
      `answered${fields.answeringMember ? ` by ${fields.answeringMember}` : ""} ${longDate(fields.dateAnswered)}`,
    );
  else parts.push("not yet answered");
  return `${parts.join(", ")}.`;
}
