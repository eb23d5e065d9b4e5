/**
 * The engine's fast paths (impact lists, typed filter columns, one-pass facet counts, top-k
 * selection, presorted browsing, the phrase-pair index) against a plain reference that walks
 * FlexSearch's postings field by field and every record object, on a generated collection, for
 * generated queries (quoted phrases among them) and filters.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import {
  type Collection,
  type CompiledCollection,
  internals,
  openCollection,
  type SearchRequest,
} from "../../src/engine";
import { FACET_NAMES } from "../../src/schema/facets";
import { type Filters, SearchParams } from "../../src/schema/query";
import type { QuestionRecord } from "../../src/schema/record";
import { escapeHtml } from "../../src/text/marked-text";
import { terms } from "../../src/text/tokenize";
import { build, tempProject } from "./build-helpers";

const {
  expandClause,
  ImpactCache,
  importFieldIndex,
  parseQuery,
  postingsOf,
  RESOLUTION,
  SEARCH_FIELDS,
  stemsOf,
  SynonymMatcher,
  Vocabulary,
} = internals;

let collection: CompiledCollection;
let engine: Collection;
interface Expected {
  ids: string[];
  scores: Map<string, number>;
  /** Position in the order that breaks equal scores: newest answer first, then source order. */
  tieRank: Map<string, number>;
  facets: unknown;
}
let reference: (request: SearchRequest) => Expected;

/** Whether `wanted` lists the record's value (any of them; a record without one never passes). */
const listed = (wanted: string[] | undefined, value: string | null | undefined) =>
  !wanted?.length || (value !== null && value !== undefined && wanted.includes(value));

/** Filters read straight off the record objects, as the API documents them. */
function passes(record: QuestionRecord, filters: Filters): boolean {
  const answeredOn = record.answer?.dateAnswered;
  if (filters.house !== undefined && record.house !== filters.house) return false;
  if (!listed(filters.party, record.askingMember.party)) return false;
  if (!listed(filters.member, record.askingMember.name)) return false;
  if (!listed(filters.body, record.answeringBody)) return false;
  if (!listed(filters.heading, record.heading)) return false;
  if (
    !listed(
      filters.uin?.map((uin) => uin.toUpperCase()),
      record.uin?.toUpperCase(),
    )
  )
    return false;
  if (filters.answered !== undefined && record.answered !== filters.answered) return false;
  if (filters.from !== undefined && !(answeredOn && answeredOn >= filters.from)) return false;
  if (filters.to !== undefined && !(answeredOn && answeredOn <= filters.to)) return false;
  if (filters.tabledFrom !== undefined && !(record.dateTabled && record.dateTabled >= filters.tabledFrom)) return false;
  if (filters.tabledTo !== undefined && !(record.dateTabled && record.dateTabled <= filters.tabledTo)) return false;
  return true;
}

beforeAll(async () => {
  const output = await build(tempProject({ "generated.jsonl": toJsonLines(generateRecords(300, 11)) }));
  collection = output.collection;
  engine = openCollection(structuredClone(collection));
  const size = collection.records.length;
  // Each record's fields as stems in reading order: a phrase must stand side by side in one.
  const fieldStems = collection.records.map((record) => SEARCH_FIELDS.map((field) => stemsOf(field.text(record))));
  const holds = (doc: number, phrase: string[]) =>
    (fieldStems[doc] as string[][]).some((stems) =>
      stems.some((_, start) => phrase.every((stem, i) => stems[start + i] === stem)),
    );
  const fields = SEARCH_FIELDS.map((field) => {
    const lengths = collection.fieldLengths[field.name] as number[];
    const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    return {
      weight: field.weight,
      postings: postingsOf(importFieldIndex(collection.fieldIndexes[field.name] as never)),
      lengthFactor: lengths.map((length) => 2.2 / (1 + 1.2 * (0.25 + (0.75 * length) / average))),
    };
  });
  const keyPosition = new Map(collection.keys.map((key, at) => [key, at]));
  const vocabulary = new Vocabulary(collection.vocabulary);
  const synonyms = new SynonymMatcher(collection.synonyms);
  const roleField = {
    asking: SEARCH_FIELDS.findIndex((field) => field.name === "askingMember"),
    answering: SEARCH_FIELDS.findIndex((field) => field.name === "answeringMember"),
  };
  const idfOf = (df: number) => Math.log(1 + (size - df + 0.5) / (df + 0.5));
  /** Records holding an index key in any field: a proximity pair's document frequency (not in `keyDf`). */
  const dfOf = (key: string) => {
    const docs = new Set<number>();
    for (const field of fields)
      for (const bucket of field.postings.get(key) ?? []) for (const doc of bucket ?? []) docs.add(doc);
    return docs.size;
  };
  /** Per record, the best of the keys' scores, over the fields listed (all by default). */
  const scoreKeys = (keys: Array<{ key: number | string; factor: number }>, only?: number) => {
    const best = new Map<number, number>();
    for (const { key, factor } of keys) {
      const name = typeof key === "string" ? key : (collection.keys[key] as string);
      const idf = idfOf(typeof key === "string" ? dfOf(key) : (collection.keyDf[key] as number));
      const perDoc = new Map<number, number>();
      fields.forEach((field, f) => {
        if (only !== undefined && f !== only) return;
        (field.postings.get(name) ?? []).forEach((docs, bucket) => {
          for (const doc of docs ?? []) {
            const value =
              factor * idf * field.weight * (1 - bucket / (2 * RESOLUTION)) * (field.lengthFactor[doc] as number);
            perDoc.set(doc, (perDoc.get(doc) ?? 0) + value);
          }
        });
      });
      for (const [doc, value] of perDoc) best.set(doc, Math.max(best.get(doc) ?? 0, value));
    }
    return best;
  };
  reference = (request) => {
    // The collection has no synonym groups, so no query has a group's partial-credit words.
    const query = parseQuery(request.q, synonyms, keyPosition);
    let scores: Map<number, number> | null = null;
    const matched = new Map<number, number>();
    const covered = new Map<number, number>();
    let required = 0;
    let coverage = 0;
    if (query.clauses.length > 0) {
      scores = new Map();
      const optional: Array<Map<number, number>> = [];
      let roleHolds = false;
      for (const clause of query.clauses) {
        if (clause.stop && !clause.required) continue;
        const expansions = expandClause(clause, keyPosition, vocabulary);
        if (clause.roleStart) roleHolds = true;
        // A role's names count only in its member field while each is found there.
        const only = clause.role && roleHolds ? roleField[clause.role] : undefined;
        let best = scoreKeys(expansions, only);
        if (only !== undefined && best.size === 0) {
          if (clause.required) roleHolds = false;
          best = scoreKeys(expansions);
        }
        if (!clause.required) {
          optional.push(best);
          continue;
        }
        required++;
        const idfs = expansions.map(({ key }) => idfOf(collection.keyDf[key] as number));
        const idf = idfs.length > 0 ? Math.max(...idfs) : idfOf(0);
        coverage += idf;
        for (const [doc, value] of best) {
          scores.set(doc, (scores.get(doc) ?? 0) + value);
          matched.set(doc, (matched.get(doc) ?? 0) + 1);
          covered.set(doc, (covered.get(doc) ?? 0) + idf);
        }
      }
      // Neighbouring words standing side by side in a field: half the pair's idf, never required.
      for (const key of query.proximity) optional.push(scoreKeys([{ key, factor: 0.5 }]));
      for (const best of optional)
        for (const [doc, value] of best) if (scores.has(doc)) scores.set(doc, (scores.get(doc) ?? 0) + value);
    }
    let candidates = scores ? [...scores.keys()] : collection.records.map((_, doc) => doc);
    const matches = candidates.filter((doc) => passes(collection.records[doc] as QuestionRecord, request));
    if (scores) {
      // Full matches: every required word, every phrase word for word.
      const complete = (doc: number) => matched.get(doc) === required;
      const full = matches.filter((doc) => complete(doc) && query.phrases.every((phrase) => holds(doc, phrase)));
      if (request.match === "all" || full.length >= 10) candidates = full;
      else {
        candidates = matches;
        const fullSet = new Set(full);
        for (const doc of matches) {
          if (fullSet.has(doc)) continue;
          const share = complete(doc) ? 1 : (covered.get(doc) ?? 0) / coverage;
          scores.set(doc, -1 / ((scores.get(doc) as number) * share * share));
        }
      }
      matches.splice(0, matches.length, ...candidates);
    }
    const facets = Object.fromEntries(
      FACET_NAMES.map((name) => {
        const counts = new Map<string, number>();
        for (const doc of matches) {
          const code = collection.facetCodes[name][doc] as number;
          if (code >= 0) {
            const value = collection.facetValues[name][code] as string;
            counts.set(value, (counts.get(value) ?? 0) + 1);
          }
        }
        // Every value in the collection's order; with a limit, that many with the most matches,
        // most first, ties in the collection's order.
        let values = collection.facetValues[name].filter((value) => counts.has(value));
        const limit = request.facetLimit;
        if (limit !== undefined) {
          values = values
            .map((value, at) => ({ value, at }))
            .sort((a, b) => (counts.get(b.value) as number) - (counts.get(a.value) as number) || a.at - b.at)
            .slice(0, limit)
            .map(({ value }) => value);
        }
        const listed: Record<string, number> = Object.create(null);
        for (const value of values) listed[value] = counts.get(value) as number;
        return [name, listed];
      }),
    );
    const rank = (doc: number) => collection.dateOrder[doc] as number;
    const newest = (doc: number) => (rank(doc) >= size ? -1 : rank(doc));
    matches.sort((a, b) =>
      request.sort === "oldest"
        ? rank(a) - rank(b) || a - b
        : (scores && request.sort === "relevance" ? (scores.get(b) as number) - (scores.get(a) as number) : 0) ||
          newest(b) - newest(a) ||
          a - b,
    );
    const ids = matches.map((doc) => (collection.records[doc] as QuestionRecord).id);
    const idOf = (doc: number) => (collection.records[doc] as QuestionRecord).id;
    const byId = new Map(matches.map((doc) => [idOf(doc), scores?.get(doc) ?? 0]));
    const tieOrder = [...matches].sort((a, b) => newest(b) - newest(a) || a - b);
    return { ids, scores: byId, tieRank: new Map(tieOrder.map((doc, at) => [idOf(doc), at])), facets };
  };
});

const words = () => fc.constantFrom(...collection.vocabulary.words.filter((word) => word.length >= 3));

/** Two or three words side by side in some record's question, quoted, sometimes with a word after. */
const phrases = () => {
  const questions = collection.records.map((record) => terms(record.questionText));
  return fc
    .tuple(fc.nat(questions.length - 1), fc.nat(60), fc.constantFrom(2, 3), fc.option(words(), { nil: undefined }))
    .map(([doc, at, length, extra]) => {
      const question = questions[doc] as string[];
      const start = at % Math.max(1, question.length - length);
      return `"${question.slice(start, start + length).join(" ")}"${extra ? ` ${extra}` : ""}`;
    });
};

/** A filter set in about one request in four, so requests still combine several and match something. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });

describe("the engine's fast paths", () => {
  it("find, filter, count and order exactly as a walk over every posting and record would", async () => {
    const uins = collection.records.flatMap((record) => (record.uin ? [record.uin] : []));
    const request = fc.record({
      q: fc.oneof(
        fc.constant(""),
        fc.array(words(), { minLength: 1, maxLength: 3 }).map((list) => list.join(" ")),
        fc.tuple(words(), fc.nat(3)).map(([word, cut]) => word.slice(0, Math.max(3, word.length - cut))),
        // Twice as often: filters leave a phrase's few matches empty more often than a word's.
        { arbitrary: phrases(), weight: 2 },
      ),
      sort: fc.constantFrom("relevance" as const, "newest" as const, "oldest" as const),
      match: fc.constantFrom("any" as const, "all" as const),
      house: sometimes(fc.constantFrom("Commons" as const, "Lords" as const)),
      answered: sometimes(fc.boolean()),
      party: sometimes(fc.subarray(collection.facetValues.party, { minLength: 1 })),
      from: sometimes(fc.constantFrom("2015-01-01", "2017-06-30", "2019-12-31")),
      to: sometimes(fc.constantFrom("2016-12-31", "2020-06-30", "2024-01-01")),
      tabledFrom: sometimes(fc.constantFrom("2016-01-01", "2020-01-01")),
      member: sometimes(fc.subarray(collection.facetValues.member, { minLength: 1, maxLength: 60 })),
      body: sometimes(fc.subarray(collection.facetValues.body, { minLength: 1, maxLength: 4 })),
      heading: sometimes(fc.subarray(collection.facetValues.heading, { minLength: 1, maxLength: 60 })),
      uin: sometimes(
        fc
          .subarray([...uins, "nosuchuin"], { minLength: 1, maxLength: 40 })
          .map((list) => list.map((uin, at) => (at % 2 ? uin.toLowerCase() : uin))),
      ),
      offset: fc.constantFrom(0, 3, 10),
      limit: fc.constantFrom(1, 5, 20, 400),
      facetLimit: sometimes(fc.constantFrom(0, 1, 3, 10, 40, 1000)),
    });
    // How often the generated requests matched something, so the comparison is not over empty answers.
    const matched = { any: 0, phrase: 0, member: 0, body: 0, heading: 0, uin: 0 };
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const search = { ...generated } as SearchRequest;
        const expected = reference(search);
        if (expected.ids.length > 0) {
          matched.any++;
          if (search.q.includes('"')) matched.phrase++;
          for (const name of ["member", "body", "heading", "uin"] as const) if (search[name]) matched[name]++;
        }
        // Twice: the second answer comes from the warm caches and reused tallies.
        for (let pass = 0; pass < 2; pass++) {
          const result = await engine.search(search);
          expect(result.total).toBe(expected.ids.length);
          expect(result.facets).toEqual(expected.facets);
          for (const name of FACET_NAMES) {
            // Every value in the collection's sorted order, or the most matched first under a limit.
            const wanted = expected.facets as Record<string, Record<string, number>>;
            expect(Object.keys(result.facets[name])).toEqual(Object.keys(wanted[name] as Record<string, number>));
          }
          const ids = result.hits.map((hit) => hit.id);
          if (search.q === "") {
            // Browsing marks nothing: the question as escaped text, no answer snippet.
            for (const hit of result.hits) {
              expect(hit.highlights).toEqual({ questionText: escapeHtml(hit.questionText), answerText: null });
            }
          }
          const page = expected.ids.slice(search.offset, search.offset + search.limit);
          if (search.sort !== "relevance" || search.q === "") expect(ids).toEqual(page);
          else {
            // Scores summed in another order may differ in the last bit: compare them, not ties.
            expect(new Set(ids).size).toBe(ids.length);
            const scores = ids.map((id) => expected.scores.get(id) as number);
            const wanted = page.map((id) => expected.scores.get(id) as number);
            // Relative: a partial match's score is a reciprocal, large when its coverage is small.
            const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
            scores.forEach((score, at) => {
              expect(near(score, wanted[at] as number), `${score} vs ${wanted[at]}`).toBe(true);
            });
            // Equal scores fall to the newest answer, then to source order.
            for (let at = 1; at < ids.length; at++) {
              if (!near(scores[at - 1] as number, scores[at] as number)) continue;
              const earlier = expected.tieRank.get(ids[at - 1] as string) as number;
              expect(earlier).toBeLessThan(expected.tieRank.get(ids[at] as string) as number);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
    for (const [kind, count] of Object.entries(matched)) expect(count, kind).toBeGreaterThan(3);
  });
});

describe("facet values through the API's defaults", () => {
  it("returns each facet's ten most matched values unless facetLimit says otherwise, and meta every value", async () => {
    expect(Object.keys(collection.meta.facets.member).length).toBeGreaterThan(10);
    for (const q of ["", "government"]) {
      const found = await engine.search(SearchParams.parse({ q }));
      const expected = reference({ ...SearchParams.parse({ q }), facetLimit: 10 }).facets as Record<string, unknown>;
      expect(Object.keys(found.facets.member)).toHaveLength(10);
      for (const name of FACET_NAMES) expect(found.facets[name]).toEqual(expected[name]);
    }
  });
});

describe("the impact cache", () => {
  it("recomputes evicted keys identically and never holds more postings than its budget", () => {
    const fields = SEARCH_FIELDS.map((field) => ({
      weight: field.weight,
      postings: postingsOf(importFieldIndex(collection.fieldIndexes[field.name] as never)),
      lengthFactor: {
        lengths: collection.fieldLengths[field.name] as number[],
        byLength: Float64Array.from({ length: 10_000 }, (_, length) => 1 / (1 + length)),
      },
    }));
    const size = collection.records.length;
    const small = new ImpactCache(fields, size, 200);
    const large = new ImpactCache(fields, size);
    const keys = collection.keys.slice(0, 60);
    for (const pass of [1, 2]) {
      for (const key of keys) {
        const [a, b] = [small.of(key), large.of(key)];
        expect([...a.docs], `${key}, pass ${pass}`).toEqual([...b.docs]);
        expect([...a.weights]).toEqual([...b.weights]);
        expect(small.heldPostings).toBeLessThanOrEqual(200);
      }
    }
    expect(large.heldPostings).toBeGreaterThan(200);
  });
});
