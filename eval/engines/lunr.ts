/**
 * Lunr 2.3 with its default English pipeline (trimmer, stop words, Porter stemmer) over the same
 * fields, boosted like the other peers. Each query word that is not a stop word becomes three
 * optional clauses, the usual Lunr recipe for a search box: the word itself (stemmed, boost 10),
 * the word as a prefix (`word*`, from 3 letters) and the word with one edit (`word~1`, from 5
 * letters; shorter words would match too many others). Records matching more of the query rank
 * higher; a quoted phrase's words are all required. Filters are applied to its results.
 */
import lunr from "lunr";
import type { QuestionRecord } from "../../src/schema/record";
import { passesFilters } from "../filters";
import type { EngineFactory } from "./ranking-engine";
import { fieldText, PEER_BOOSTS, PEER_FIELDS, unquote } from "./record-text";

export const lunrPeer: EngineFactory = (collection) => {
  const byId = new Map<string, QuestionRecord>(collection.records.map((record) => [record.id, record]));
  const index = lunr(function build() {
    this.ref("id");
    for (const field of PEER_FIELDS) this.field(field, { boost: PEER_BOOSTS[field] });
    for (const record of collection.records) {
      const doc: Record<string, string> = { id: record.id };
      for (const field of PEER_FIELDS) doc[field] = fieldText(record, field);
      this.add(doc);
    }
  });
  return {
    name: "Lunr",
    search(q, filters, limit) {
      const { text, quoted } = unquote(q);
      const words = lunr
        .tokenizer(text)
        .map((token) => lunr.trimmer(token))
        .filter((token): token is lunr.Token => Boolean(token) && Boolean(lunr.stopWordFilter(token)))
        .map((token) => token.toString())
        .filter((word) => word.length > 0);
      if (words.length === 0) return { ids: [], total: 0 };
      const results = index
        .query((query) => {
          for (const word of words) {
            if (quoted) {
              query.term(word, { presence: lunr.Query.presence.REQUIRED });
              continue;
            }
            query.term(word, { boost: 10 });
            if (word.length >= 3) query.term(word, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
            if (word.length >= 5) query.term(word, { editDistance: 1 });
          }
        })
        .filter((result) => passesFilters(byId.get(result.ref) as QuestionRecord, filters));
      return { ids: results.slice(0, limit).map((result) => result.ref), total: results.length };
    },
  };
};
