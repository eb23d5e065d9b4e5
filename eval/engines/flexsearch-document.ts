/**
 * FlexSearch 0.8's Document index, the library pqsearch itself builds on, used the way its README
 * shows: one index per field with `tokenize: "forward"` (prefixes match), the default encoder,
 * `suggest: true` (records matching only some of the words are kept, best first) and `merge: true`
 * (one list across fields). FlexSearch has no field boosts; merged results come field by field in
 * the order the fields are declared, so question, heading and members are declared first.
 * No phrases: a quoted phrase's words are searched without suggestions (all required).
 */
import { Document } from "flexsearch";
import type { QuestionRecord } from "../../src/schema/record";
import { passesFilters } from "../filters";
import type { EngineFactory } from "./ranking-engine";
import { fieldText, PEER_FIELDS, unquote } from "./record-text";

export const flexsearchDocument: EngineFactory = (collection) => {
  const byId = new Map<string, QuestionRecord>(collection.records.map((record) => [record.id, record]));
  const index = new Document({
    document: { id: "id", index: PEER_FIELDS.map((field) => ({ field, tokenize: "forward" as const })) },
  });
  for (const record of collection.records) {
    const doc: Record<string, string> = { id: record.id };
    for (const field of PEER_FIELDS) doc[field] = fieldText(record, field);
    index.add(doc);
  }
  const everything = collection.records.length;
  return {
    name: "FlexSearch",
    search(q, filters, limit) {
      const { text, quoted } = unquote(q);
      const merged = index.search(text, { limit: everything, suggest: !quoted, merge: true }) as unknown as Array<{
        id: string;
      }>;
      const ids = merged
        .map((entry) => String(entry.id))
        .filter((id) => passesFilters(byId.get(id) as QuestionRecord, filters));
      return { ids: ids.slice(0, limit), total: ids.length };
    },
  };
};
