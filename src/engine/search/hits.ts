/**
 * Render hits: a page of records as what a results list shows — who asked, when it was answered,
 * the heading, the question marked in full and the answer cut to a snippet around its matches —
 * each highlight both as ranges (`marked`) and as the API's escaped `<mark>` strings made from them.
 */
import type { QuestionRecord } from "../../schema/record";
import type { Hit, MarkedText } from "../../schema/search";
import { markedHtml } from "../../text/marked-text";
import type { AnalysedTextCache } from "../analysed-text";
import type { Highlighter } from "../highlight";

const unmarked = (text: string): MarkedText => ({ text, marks: [] });

/** The hits for `records`, marking the `marked` stems (none when browsing). */
export function renderHits(
  records: readonly QuestionRecord[],
  marked: ReadonlySet<string>,
  texts: AnalysedTextCache,
  highlighter: Highlighter,
): Hit[] {
  const marking = marked.size > 0;
  // Boilerplate answers repeat word for word across hits: mark each distinct text once per page.
  const snippets = new Map<string, MarkedText | null>();
  const snippetOf = (text: string) => {
    let snippet = snippets.get(text);
    if (snippet === undefined) {
      // Nothing to mark (browsing): no snippet, and no need to analyse the text.
      snippet = marking ? highlighter.snippet(text, texts.get(text), marked) : null;
      snippets.set(text, snippet);
    }
    return snippet;
  };
  return records.map((record) => {
    const question = marking
      ? highlighter.whole(record.questionText, texts.get(record.questionText), marked)
      : unmarked(record.questionText);
    const answer = record.answer ? snippetOf(record.answer.text) : null;
    return {
      id: record.id,
      house: record.house,
      askingMember: record.askingMember,
      answered: record.answered,
      dateAnswered: record.answer?.dateAnswered ?? null,
      heading: record.heading ?? null,
      questionText: record.questionText,
      highlights: { questionText: markedHtml(question), answerText: answer && markedHtml(answer) },
      marked: { questionText: question, answerText: answer },
    };
  });
}
