/**
 * MiniSearch on the same corpus and queries, for comparison: the library people would otherwise
 * pick for an edge index. Typo queries use its fuzzy search, prefix queries its prefix search;
 * it has no phrases (so phrase queries ask for the words) and no facets (so facet-heavy queries
 * count facets over its matches, which is what an application would have to do).
 */
import MiniSearch, { type SearchResult } from "minisearch";
import type { QuestionRecord } from "../src/schema/record";
import type { BenchQuery } from "./queries";

interface Stored {
  house: string;
  party: string | null;
  dateAnswered: string | null;
  answered: boolean;
}

const OPTIONS = {
  fields: ["questionText", "askingMember", "answerText", "answeringMember"],
  storeFields: ["house", "party", "dateAnswered", "answered"],
  extractField: (record: unknown, field: string): string => {
    const r = record as QuestionRecord;
    switch (field) {
      case "id":
        return r.id;
      case "questionText":
        return r.questionText;
      case "askingMember":
        return [r.askingMember.name, r.askingMember.party, r.askingMember.memberFrom].join(" ");
      case "answerText":
        return r.answer?.text ?? "";
      case "answeringMember": {
        const m = r.answer?.answeringMember;
        return m ? [m.name, m.party, m.memberFrom].join(" ") : "";
      }
      case "house":
        return r.house;
      case "party":
        return r.askingMember.party as string;
      case "dateAnswered":
        return r.answer?.dateAnswered as string;
      case "answered":
        return r.answered as unknown as string;
      default:
        return "";
    }
  },
};

export function buildMiniSearch(records: QuestionRecord[]): string {
  const index = new MiniSearch(OPTIONS);
  index.addAll(records);
  return JSON.stringify(index);
}

export function loadMiniSearch(json: string): MiniSearch {
  return MiniSearch.loadJSON(json, OPTIONS);
}

/** Runs one benchmark query; returns the number of matches. */
export function searchMiniSearch(index: MiniSearch, query: BenchQuery): number {
  return miniSearchResults(index, query).length;
}

/** One benchmark query's results, ranked, with the facet count facet-heavy queries ask for. */
export function miniSearchResults(index: MiniSearch, query: BenchQuery): SearchResult[] {
  const { filters } = query;
  const filter = filters
    ? (result: Record<string, unknown>) => {
        const stored = result as unknown as Stored;
        if (filters.house !== undefined && stored.house !== filters.house) return false;
        if (filters.answered !== undefined && stored.answered !== filters.answered) return false;
        if (filters.from !== undefined || filters.to !== undefined) {
          const date = stored.dateAnswered;
          if (!date || date < (filters.from ?? "0000") || date > (filters.to ?? "9999")) return false;
        }
        return true;
      }
    : undefined;
  // The text as typed (typos and prefixes included); phrases become their words.
  const text = query.kind === "phrase" ? query.words.join(" ") : query.q;
  const results =
    text === ""
      ? index.search(MiniSearch.wildcard, { filter })
      : index.search(text, {
          combineWith: "AND",
          prefix: query.kind === "prefix",
          fuzzy: query.kind === "typo" ? 0.2 : false,
          filter,
        });
  if (query.kind === "facets") {
    const counts = new Map<string, number>();
    for (const result of results) {
      const stored = result as unknown as Stored;
      for (const key of [`house:${stored.house}`, `party:${stored.party}`, `year:${stored.dateAnswered?.slice(0, 4)}`])
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return results;
}
