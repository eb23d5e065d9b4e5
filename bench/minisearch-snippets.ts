/**
 * MiniSearch with what a results list needs, for the like-for-like comparison: its top ten
 * results' records, each question with the matched words marked in full and the answer cut to a
 * window around the first match, HTML-escaped — what an application built on MiniSearch would
 * do, with the terms MiniSearch reports each result matched.
 */
import type MiniSearch from "minisearch";
import type { QuestionRecord } from "../src/schema/record";
import { escapeHtml } from "../src/text/marked-text";
import { miniSearchResults } from "./minisearch";
import type { BenchQuery } from "./queries";

/** Characters of answer shown either side of its first match (pqsearch shows about 30 words). */
const WINDOW = 90;
const PAGE = 10;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `text` escaped, each match of `pattern` wrapped in `<mark>` (none: browsing matched no terms). */
function marked(text: string, pattern: RegExp | null): string {
  if (!pattern) return escapeHtml(text);
  let html = "";
  let cursor = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    html += `${escapeHtml(text.slice(cursor, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    cursor = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(cursor));
}

export interface SnippetHit {
  id: string;
  question: string;
  answer: string | null;
}

/** Runs one benchmark query and renders its first page of hits; returns the number of matches. */
export function searchMiniSearchWithSnippets(
  index: MiniSearch,
  byId: ReadonlyMap<string, QuestionRecord>,
  query: BenchQuery,
  rendered: SnippetHit[] = [],
): number {
  const results = miniSearchResults(index, query);
  rendered.length = 0;
  for (const result of results.slice(0, PAGE)) {
    const record = byId.get(result.id as string) as QuestionRecord;
    const pattern =
      result.terms.length > 0 ? new RegExp(`\\b(?:${result.terms.map(escapeRegex).join("|")})\\b`, "gi") : null;
    let answer: string | null = null;
    const text = record.answer?.text;
    if (text && pattern) {
      pattern.lastIndex = 0;
      const first = pattern.exec(text);
      if (first) {
        const from = Math.max(0, first.index - WINDOW);
        const to = Math.min(text.length, first.index + WINDOW);
        answer = `${from > 0 ? "… " : ""}${marked(text.slice(from, to), pattern)}${to < text.length ? " …" : ""}`;
      }
    }
    rendered.push({ id: record.id, question: marked(record.questionText, pattern), answer });
  }
  return results.length;
}
