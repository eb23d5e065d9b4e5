/**
 * Render hits: a page of records as what a results list shows — who asked, when it was answered,
 * the heading, the question marked in full and the answer cut to a snippet around its matches —
 * each highlight both as ranges (`marked`) and as the API's escaped `<mark>` strings made from them.
 */
import type { QuestionRecord } from "../../schema/record";
import type { Hit, MarkedText } from "../../schema/search";
import { markedHtml, markedHtmlWithSpecials, specialsOf } from "../../text/marked-text";
import { ANSWER_TEXT, type AnalysedText, type AnalysedTextCache, QUESTION_TEXT } from "../analysed-text";
import type { Highlighter } from "../highlight";

const unmarked = (text: string): MarkedText => ({ text, marks: [] });

/**
 * A question's HTML when nothing in it is marked (browsing, `highlight=false`), by record: the
 * test for characters to escape reads the whole text, and a page asked again renders the same
 * records. Weakly held, so a record dropped from a sharded store's caches takes its HTML along;
 * escaping depends on the text alone, so engines may share it.
 */
const unmarkedHtml = new WeakMap<QuestionRecord, string>();

function questionHtml(record: QuestionRecord): string {
  let html = unmarkedHtml.get(record);
  if (html === undefined) {
    html = markedHtml(unmarked(record.questionText));
    unmarkedHtml.set(record, html);
  }
  return html;
}

/**
 * The answers whose analysis holds the snippet of the page being rendered, so a boilerplate answer
 * repeated on the page is marked once. Cleared when the page is done: a snippet left on a cached
 * (long-lived) analysis outlived its page, and every young-generation collection while it lived
 * had to follow it from the old generation and copy it (scavenges 1.82 against 1.22 ms on
 * average; a default one-word search at 10,000 records ~4 % slower, separate processes).
 */
const shownOnPage: AnalysedText[] = [];

function forgetPageSnippets(): void {
  for (let i = 0; i < shownOnPage.length; i++) (shownOnPage[i] as AnalysedText).shown = undefined;
  shownOnPage.length = 0;
}

/** A marked question's HTML: a question is marked whole, so where its specials are is kept with its analysis. */
function questionMarkedHtml(question: MarkedText, analysed: AnalysedText): string {
  if (analysed.plain) return markedHtml(question, true);
  analysed.specials ??= specialsOf(question.text);
  return markedHtmlWithSpecials(question, analysed.specials);
}

/**
 * The hits for `records` (`docs[i]` is `records[i]`'s number), marking the `marked`
 * stems (none when browsing); `full[i]` says whether `records[i]` matched every word and phrase.
 * Plain loops and no
 * closures: this runs for every page, and each closure made per call costs a `__name` call in
 * the Worker's bundle (wrangler keeps function names).
 */
export function renderHits(
  records: readonly QuestionRecord[],
  docs: readonly number[],
  full: readonly boolean[],
  marked: ReadonlySet<string>,
  texts: AnalysedTextCache,
  highlighter: Highlighter,
): Hit[] {
  const marking = marked.size > 0;
  // Boilerplate answers repeat word for word across hits: each distinct text is marked once per
  // page, its snippet kept on its analysis until the page is done (a Map per page cost more).
  const hits = new Array<Hit>(records.length);
  try {
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as QuestionRecord;
      const doc = docs[i] as number;
      const analysed = marking ? texts.ofRecord(QUESTION_TEXT, doc, record.questionText) : null;
      const question = analysed
        ? highlighter.whole(record.questionText, analysed, marked)
        : unmarked(record.questionText);
      let answer: MarkedText | null = null;
      let answerHtml: string | null = null;
      // Nothing to mark (browsing): no snippet, and no need to analyse the text.
      if (record.answer && marking) {
        const text = record.answer.text;
        const analysedAnswer = texts.ofRecord(ANSWER_TEXT, doc, text);
        const shown = analysedAnswer.shown;
        if (shown !== undefined) ({ answer, html: answerHtml } = shown);
        else {
          answer = highlighter.snippet(text, analysedAnswer, marked);
          answerHtml = answer && markedHtml(answer, analysedAnswer.plain);
          analysedAnswer.shown = { answer, html: answerHtml };
          shownOnPage.push(analysedAnswer);
        }
      }
      hits[i] = {
        id: record.id,
        house: record.house,
        askingMember: record.askingMember,
        answered: record.answered,
        dateAnswered: record.answer?.dateAnswered ?? null,
        heading: record.heading ?? null,
        questionText: record.questionText,
        answerGroup: record.answerGroup ?? null,
        matchedAll: full[i] !== false,
        highlights: {
          questionText: analysed ? questionMarkedHtml(question, analysed) : questionHtml(record),
          answerText: answerHtml,
        },
        marked: { questionText: question, answerText: answer },
      };
    }
  } finally {
    forgetPageSnippets();
  }
  return hits;
}
