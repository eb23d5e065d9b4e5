/**
 * Stage, related questions: for each record, the few other records whose questions are most
 * alike, so a reader of one question finds the others asked about the same thing. Pure: records
 * in source order in, per record its neighbours' document numbers and similarity out.
 *
 * Similarity is the cosine of TF-IDF vectors over what each question asks: its heading and its
 * text without the opening formula ("To ask the Secretary of State for …," names the department,
 * not the subject), as stems without stop words. Two shortcuts keep it near-linear: each question
 * keeps its `TERMS_PER_QUESTION` heaviest terms, and terms held by more than `MAX_SHARE` of the
 * records (too common to tell questions apart) are not used to find neighbours. How well this
 * picks neighbours is judged in docs/research-features.md.
 */
import type { RelatedList } from "../../src/engine/compiled";
import { stem } from "../../src/engine/stem";
import { STOP_WORDS } from "../../src/engine/stopwords";
import { withoutOpening } from "../../src/pages/question-opening";
import type { QuestionRecord } from "../../src/schema/record";
import { terms } from "../../src/text/tokenize";

/** Neighbours kept per record. */
export const RELATED_PER_RECORD = 5;
/** Below this cosine, two questions share a word or two, not a subject: no neighbour. */
export const MIN_SIMILARITY = 0.2;
const TERMS_PER_QUESTION = 24;
const MAX_SHARE = 0.05;
/** A small collection's common terms still tell questions apart. */
const MIN_MAX_DF = 50;

/** What a question asks, as stems (with repeats): heading and text, without the opening formula. */
function questionStems(record: QuestionRecord): string[] {
  const text = `${record.heading ?? ""} ${withoutOpening(record.questionText)}`;
  return terms(text)
    .filter((word) => !STOP_WORDS.has(word) && !/^\d+$/.test(word))
    .map(stem);
}

/** Each question's heaviest terms, as [term number, weight] with the weights of unit length. */
function weightedTerms(records: readonly QuestionRecord[]): Array<Array<[number, number]>> {
  const termNumber = new Map<string, number>();
  const counted = records.map((record) => {
    const counts = new Map<number, number>();
    for (const word of questionStems(record)) {
      let term = termNumber.get(word);
      if (term === undefined) {
        term = termNumber.size;
        termNumber.set(word, term);
      }
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return counts;
  });
  const df = new Float64Array(termNumber.size);
  for (const counts of counted) for (const term of counts.keys()) df[term] = (df[term] as number) + 1;
  const n = records.length;
  return counted.map((counts) => {
    const weighted: Array<[number, number]> = [];
    for (const [term, count] of counts)
      weighted.push([term, (1 + Math.log(count)) * Math.log(1 + n / (df[term] as number))]);
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = weighted.slice(0, TERMS_PER_QUESTION);
    const length = Math.hypot(...kept.map(([, weight]) => weight)) || 1;
    return kept.map(([term, weight]) => [term, weight / length] as [number, number]);
  });
}

/**
 * Per record, up to `RELATED_PER_RECORD` others by descending similarity (ties to source order),
 * each as [doc, similarity in hundredths].
 */
export function relatedQuestions(records: readonly QuestionRecord[]): RelatedList[] {
  const vectors = weightedTerms(records);
  const maxDf = Math.max(MIN_MAX_DF, Math.floor(records.length * MAX_SHARE));
  const postings = new Map<number, Array<[doc: number, weight: number]>>();
  vectors.forEach((vector, doc) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term);
      if (list) list.push([doc, weight]);
      else postings.set(term, [[doc, weight]]);
    }
  });
  const scores = new Float64Array(records.length);
  const touched: number[] = [];
  return vectors.map((vector, doc) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term) as Array<[number, number]>;
      if (list.length > maxDf) continue;
      for (const [other, otherWeight] of list) {
        if (other === doc) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] as number) + weight * otherWeight;
      }
    }
    const best: Array<[number, number]> = [];
    for (const other of touched) {
      const score = scores[other] as number;
      scores[other] = 0;
      if (score < MIN_SIMILARITY) continue;
      best.push([other, score]);
    }
    touched.length = 0;
    best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return best
      .slice(0, RELATED_PER_RECORD)
      .map(([other, score]) => [other, Math.min(100, Math.round(score * 100))] as [number, number]);
  });
}
