/**
 * MiniSearch 7.2 configured the way its documentation suggests for a search box: every field
 * (question, heading, members, answering body, answer), prefix search, fuzzy 0.2 (edits up to a
 * fifth of the word's length), OR between words (its default, so a long query ranks records
 * by how much of it they match), boosts favouring question, heading and members. No stemming or
 * stop words (MiniSearch has none built in). Quoted phrases: the words, all required (AND).
 * Filters are applied to its results with the API's semantics.
 */
import MiniSearch from "minisearch";
import type { QuestionRecord } from "../../src/schema/record";
import { passesFilters } from "../filters";
import type { EngineFactory } from "./ranking-engine";
import { fieldText, PEER_BOOSTS, PEER_FIELDS, type PeerField, unquote } from "./record-text";

export const minisearch: EngineFactory = (collection) => {
  const byId = new Map<string, QuestionRecord>(collection.records.map((record) => [record.id, record]));
  const index = new MiniSearch<QuestionRecord>({
    fields: [...PEER_FIELDS],
    extractField: (record, field) => (field === "id" ? record.id : fieldText(record, field as PeerField)),
  });
  index.addAll(collection.records as QuestionRecord[]);
  return {
    name: "MiniSearch",
    search(q, filters, limit) {
      const { text, quoted } = unquote(q);
      const results = index.search(text, {
        boost: { ...PEER_BOOSTS },
        prefix: !quoted,
        fuzzy: quoted ? false : 0.2,
        combineWith: quoted ? "AND" : "OR",
        filter: filters ? (result) => passesFilters(byId.get(result.id) as QuestionRecord, filters) : undefined,
      });
      return { ids: results.slice(0, limit).map((result) => result.id as string), total: results.length };
    },
  };
};
