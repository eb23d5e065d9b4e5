/**
 * Orama 3.1 over the same fields: typo tolerance 1 (one edit per word), the same boosts, its
 * default threshold (records matching any word, those matching all first), English stemming
 * switched on (it is off by default; anyone indexing English text would turn it on). Orama has
 * no phrase search: a quoted phrase's words are searched with threshold 0 (all required) and no
 * tolerance. Filters are applied to its results.
 */
import { create, insertMultiple, search } from "@orama/orama";
import type { QuestionRecord } from "../../src/schema/record";
import { passesFilters } from "../filters";
import type { EngineFactory } from "./ranking-engine";
import { fieldText, PEER_BOOSTS, PEER_FIELDS, unquote } from "./record-text";

const schema = {
  id: "string",
  questionText: "string",
  heading: "string",
  askingMember: "string",
  answeringMember: "string",
  answeringBody: "string",
  answerText: "string",
} as const;

export const orama: EngineFactory = async (collection) => {
  const byId = new Map<string, QuestionRecord>(collection.records.map((record) => [record.id, record]));
  const db = create({ schema, components: { tokenizer: { language: "english", stemming: true } } });
  await insertMultiple(
    db,
    collection.records.map((record) => {
      const doc = { id: record.id } as Record<keyof typeof schema, string>;
      for (const field of PEER_FIELDS) doc[field] = fieldText(record, field);
      return doc;
    }),
  );
  const everything = collection.records.length;
  return {
    name: "Orama",
    search(q, filters, limit) {
      const { text, quoted } = unquote(q);
      const result = search(db, {
        term: text,
        properties: [...PEER_FIELDS],
        boost: { ...PEER_BOOSTS },
        tolerance: quoted ? 0 : 1,
        ...(quoted ? { threshold: 0 } : {}),
        limit: everything,
      });
      if (result instanceof Promise) throw new Error("Orama: expected a synchronous search");
      const ids = result.hits
        .map((hit) => hit.id)
        .filter((id) => passesFilters(byId.get(id) as QuestionRecord, filters));
      return { ids: ids.slice(0, limit), total: ids.length };
    },
  };
};
