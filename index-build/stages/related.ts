/**
 * Stage, related questions: for each record, the few other records whose questions are most
 * alike, so a reader of one question finds the others asked about the same thing. Pure: records
 * in source order in, per record its neighbours' document numbers and similarity out.
 *
 * Similarity is the cosine of TF-IDF vectors over what each question asks: its heading and its
 * text without the opening formula ("To ask the Secretary of State for …," names the department,
 * not the subject), as stems without stop words. Two shortcuts keep it near-linear: each question
 * keeps its `TERMS_PER_QUESTION` heaviest terms, and terms held by more than `MAX_SHARE` of the
 * records, or more than `MAX_DF` (too common to tell questions apart), are not used to find neighbours. How well this
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
/** However large the collection, a term in more records than this does not find neighbours (it bounds the cost). */
const MAX_DF = 1000;
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

/** Every term's postings as flat arrays (docs and weights), term `t` at `start[t]` to `start[t + 1]`. */
function postingsOf(vectors: ReadonlyArray<ReadonlyArray<[number, number]>>, terms: number) {
  const start = new Int32Array(terms + 1);
  for (const vector of vectors) for (const [term] of vector) start[term + 1] = (start[term + 1] as number) + 1;
  for (let t = 0; t < terms; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
  const docs = new Int32Array(start[terms] as number);
  const weights = new Float64Array(docs.length);
  const filled = start.slice(0, terms);
  vectors.forEach((vector, doc) => {
    for (const [term, weight] of vector) {
      const at = filled[term] as number;
      docs[at] = doc;
      weights[at] = weight;
      filled[term] = at + 1;
    }
  });
  return { start, docs, weights };
}

/**
 * Per record, up to `RELATED_PER_RECORD` others by descending similarity (ties to source order),
 * each as [doc, similarity in hundredths].
 */
export function relatedQuestions(records: readonly QuestionRecord[]): RelatedList[] {
  const vectors = weightedTerms(records);
  let terms = 0;
  for (const vector of vectors) for (const [term] of vector) terms = Math.max(terms, term + 1);
  const maxDf = Math.max(MIN_MAX_DF, Math.min(MAX_DF, Math.floor(records.length * MAX_SHARE)));
  const { start, docs, weights } = postingsOf(vectors, terms);
  const scores = new Float64Array(records.length);
  const touched = new Int32Array(records.length);
  return vectors.map((vector, doc) => {
    let count = 0;
    for (const [term, weight] of vector) {
      const [from, to] = [start[term] as number, start[term + 1] as number];
      if (to - from > maxDf) continue;
      for (let at = from; at < to; at++) {
        const other = docs[at] as number;
        if (other === doc) continue;
        if (scores[other] === 0) touched[count++] = other;
        scores[other] = (scores[other] as number) + weight * (weights[at] as number);
      }
    }
    // The best few in one pass, kept in order: most of the touched records score below the floor.
    const best: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) {
      const other = touched[i] as number;
      const score = scores[other] as number;
      scores[other] = 0;
      if (score < MIN_SIMILARITY) continue;
      const worst = best[best.length - 1];
      if (best.length === RELATED_PER_RECORD && worst && (score < worst[1] || (score === worst[1] && other > worst[0])))
        continue;
      let place = best.length;
      while (place > 0) {
        const above = best[place - 1] as [number, number];
        if (above[1] > score || (above[1] === score && above[0] < other)) break;
        place--;
      }
      best.splice(place, 0, [other, score]);
      if (best.length > RELATED_PER_RECORD) best.pop();
    }
    return best.map(([other, score]) => [other, Math.min(100, Math.round(score * 100))] as [number, number]);
  });
}
