/**
 * Stage 5, compile: order the records, resolve facet values and sort keys, and build one
 * FlexSearch index per searchable field. Everything a request would otherwise compute is done here.
 */

import { COMPILED_FORMAT_VERSION, type CompiledCollection } from "../../src/engine/compiled";
import { countFacets } from "../../src/engine/facet-counts";
import { SEARCH_FIELDS } from "../../src/engine/fields";
import { createFieldIndex, exportFieldIndex } from "../../src/engine/flex";
import { terms } from "../../src/engine/tokenize";
import { FACET_NAMES, type FacetName } from "../../src/schema/facets";
import type { QuestionRecord } from "../../src/schema/record";

export interface CollectionText {
  title: string;
  description: string;
}

const bySource = (a: QuestionRecord, b: QuestionRecord) => {
  const [sa, sb] = [a.sources[0], b.sources[0]] as [QuestionRecord["sources"][0], QuestionRecord["sources"][0]];
  return sa.file < sb.file ? -1 : sa.file > sb.file ? 1 : sa.line - sb.line;
};

function facetValueOf(record: QuestionRecord, facet: FacetName): string | null {
  switch (facet) {
    case "house":
      return record.house;
    case "party":
      return record.askingMember.party;
    case "member":
      return record.askingMember.name;
    case "answered":
      return String(record.answered);
    case "year":
      return record.answer ? record.answer.dateAnswered.slice(0, 4) : null;
    case "body":
      return record.answeringBody ?? null;
    case "heading":
      return record.heading ?? null;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compileCollection(unordered: QuestionRecord[], text: CollectionText): CompiledCollection {
  const records = [...unordered].sort(bySource);

  const facetValues = {} as CompiledCollection["facetValues"];
  const facetCodes = {} as CompiledCollection["facetCodes"];
  for (const facet of FACET_NAMES) {
    const values = records.map((record) => facetValueOf(record, facet));
    const distinct = [...new Set(values.filter((value): value is string => value !== null))].sort(compareStrings);
    const codeOf = new Map(distinct.map((value, code) => [value, code]));
    facetValues[facet] = distinct;
    facetCodes[facet] = values.map((value) => (value === null ? -1 : (codeOf.get(value) as number)));
  }

  const dates = [...new Set(records.flatMap((record) => (record.answer ? [record.answer.dateAnswered] : [])))].sort();
  const dateRank = new Map(dates.map((date, rank) => [date, rank]));
  const dateOrder = records.map((record) =>
    record.answer ? (dateRank.get(record.answer.dateAnswered) as number) : records.length,
  );

  const fieldIndexes: CompiledCollection["fieldIndexes"] = {};
  for (const field of SEARCH_FIELDS) {
    const index = createFieldIndex();
    records.forEach((record, doc) => {
      const text = terms(field.text(record)).join(" ");
      if (text) index.add(doc, text);
    });
    fieldIndexes[field.name] = exportFieldIndex(index);
  }

  const collection: CompiledCollection = {
    formatVersion: COMPILED_FORMAT_VERSION,
    meta: {
      title: text.title,
      description: text.description,
      records: records.length,
      buildId: "",
      fields: SEARCH_FIELDS.map(({ name, weight }) => ({ name, weight })),
      facets: countFacets({ facetValues, facetCodes }, [...records.keys()]),
    },
    records,
    facetValues,
    facetCodes,
    dateOrder,
    fieldIndexes,
  };
  return collection;
}
