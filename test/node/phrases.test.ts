/**
 * Quoted phrases answered from the phrase-pair index: the same records as re-reading every record
 * word for word, whichever way each pair is settled (looked up, or re-read because its words share
 * few records), and a sharded collection fetching no record shard to settle a common phrase.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import {
  type Collection,
  type CompiledCollection,
  internals,
  openCollection,
  type SearchRequest,
  type ShardedHead,
} from "../../src/engine";
import type { QuestionRecord } from "../../src/schema/record";
import { tokenize } from "../../src/text/tokenize";
import { build, loadModule, tempProject, testLimits } from "./build-helpers";

const { PAIR_MIN_SHARED, pairKey, SEARCH_FIELDS, shareAtLeast, stemsOf } = internals;

let collection: CompiledCollection;
let engine: Collection;
let fieldStems: string[][][];
let head: ShardedHead;
let files: Map<string, string>;

/** Strict matching: only records holding the phrase word for word (the fallback is tested below). */
const request = (q: string): SearchRequest => ({
  q,
  answered: undefined,
  sort: "relevance",
  match: "all",
  limit: 5000,
  offset: 0,
});

/** Records with some field holding the stems side by side: the definition a phrase must meet. */
function holding(stems: string[]): string[] {
  const ids: string[] = [];
  fieldStems.forEach((fields, doc) => {
    const found = fields.some((field) => field.some((_, start) => stems.every((stem, i) => field[start + i] === stem)));
    if (found) ids.push((collection.records[doc] as QuestionRecord).id);
  });
  return ids.sort();
}

function storedPairs(): Set<string> {
  return new Set(collection.phraseIndex.map(([key]) => key));
}

/** Every key's records in any field, ascending, as the build and engine count shared records. */
function docsOfStem(stem: string): number[] {
  return fieldStems.flatMap((fields, doc) => (fields.some((field) => field.includes(stem)) ? [doc] : []));
}

/** Runs of `length` words taken from records' question texts, every `step`th record. */
function phrasesFromRecords(length: number, step: number): string[] {
  const phrases: string[] = [];
  collection.records.forEach((record, doc) => {
    if (doc % step !== 0) return;
    const words = tokenize(record.questionText).map((token) => token.term);
    const start = (doc * 7) % Math.max(1, words.length - length);
    if (words.length >= length) phrases.push(words.slice(start, start + length).join(" "));
  });
  return phrases;
}

beforeAll(async () => {
  const root = tempProject({ "generated.jsonl": toJsonLines(generateRecords(1200, 5)) });
  const limits = testLimits({ sharding: "never", recordsPerShard: 32, postingsFileBytes: 64 * 1024 });
  collection = (await build(root, limits)).collection;
  engine = openCollection(structuredClone(collection));
  fieldStems = collection.records.map((record) => SEARCH_FIELDS.map((field) => stemsOf(field.text(record))));
  const sharded = await build(root, { ...limits, sharding: "always" });
  head = await loadModule(sharded.source);
  files = sharded.assets;
});

describe("the phrase-pair index", () => {
  it("counts shared records exactly up to the threshold, whatever else the lists hold", () => {
    const evens = Array.from({ length: 200 }, (_, i) => i * 2);
    const threes = Array.from({ length: 200 }, (_, i) => i * 3);
    // Multiples of 6 below 400 (in evens) and 600 (in threes): 0, 6, … 396, so 67 shared.
    expect(shareAtLeast(evens, threes, 67)).toBe(true);
    expect(shareAtLeast(evens, threes, 68)).toBe(false);
    expect(shareAtLeast([1, 2, 3], [1, 2, 3], 3)).toBe(true);
    expect(shareAtLeast([1, 2, 3], [1, 2, 3], 4)).toBe(false);
  });

  it("stores exactly the adjacent pairs whose words share enough records", () => {
    const stored = storedPairs();
    const adjacent = new Set<string>();
    for (const fields of fieldStems)
      for (const field of fields)
        for (let i = 1; i < field.length; i++) adjacent.add(pairKey(field[i - 1] as string, field[i] as string));
    let checkedOut = 0;
    for (const pair of adjacent) {
      const [first, second] = pair.split("+") as [string, string];
      const expected = shareAtLeast(docsOfStem(first), docsOfStem(second), PAIR_MIN_SHARED);
      expect(stored.has(pair), pair).toBe(expected);
      if (!expected) checkedOut++;
      if (checkedOut > 400 && stored.size > 0) break;
    }
    expect(stored.size).toBeGreaterThan(50);
    expect(checkedOut).toBeGreaterThan(0);
  });
});

describe("a quoted phrase", () => {
  it("finds exactly the records holding it word for word, two and three words long", async () => {
    const phrases = [...phrasesFromRecords(2, 13), ...phrasesFromRecords(3, 17)];
    const stored = storedPairs();
    let lookedUp = 0;
    let reread = 0;
    for (const phrase of phrases) {
      const stems = stemsOf(phrase);
      const pairsStored = stems.slice(1).every((stem, i) => stored.has(pairKey(stems[i] as string, stem)));
      if (stems.length === 2 && pairsStored) lookedUp++;
      else reread++;
      const found = (await engine.search(request(`"${phrase}"`))).hits.map((hit) => hit.id);
      expect(found.sort(), phrase).toEqual(holding(stems));
    }
    // Both ways of settling a pair were exercised.
    expect(lookedUp).toBeGreaterThan(10);
    expect(reread).toBeGreaterThan(10);
  });

  it("finds nothing when its common words never stand in that order", async () => {
    // A stored pair whose reverse stands nowhere: its words share many records, so the pair
    // index (not a re-read) must say no.
    const stored = storedPairs();
    const reversed = [...stored]
      .map((pair) => pair.split("+").reverse() as [string, string])
      .find(([first, second]) => first !== second && holding([first, second]).length === 0);
    expect(reversed).toBeDefined();
    const [first, second] = reversed as [string, string];
    const words = (stem: string) => collection.vocabulary.words.find((word) => stemsOf(word)[0] === stem) as string;
    expect((await engine.search(request(`"${words(first)} ${words(second)}"`))).total).toBe(0);
    expect((await engine.search(request(`"${words(second)} ${words(first)}"`))).total).toBe(
      holding([second, first]).length,
    );
  });

  it("ranks its word-for-word holders first, then (with fewer than a page of them) records holding its words apart", async () => {
    const stored = storedPairs();
    const reversed = [...stored]
      .map((pair) => pair.split("+").reverse() as [string, string])
      .find(([first, second]) => first !== second && holding([first, second]).length === 0);
    const [first, second] = reversed as [string, string];
    const words = (stem: string) => collection.vocabulary.words.find((word) => stemsOf(word)[0] === stem) as string;
    // Nobody holds the reversed pair word for word: every hit holds both words apart, none matched all.
    const apart = await engine.search({ ...request(`"${words(first)} ${words(second)}"`), match: "any" });
    expect(apart.total).toBeGreaterThan(0);
    expect(apart.hits.every((hit) => !hit.matchedAll)).toBe(true);
    // A phrase a few records hold: those first, marked as full matches, then the rest.
    const rare = phrasesFromRecords(3, 17).find((phrase) => {
      const held = holding(stemsOf(phrase)).length;
      return held > 0 && held < 10;
    }) as string;
    const exact = holding(stemsOf(rare));
    const found = await engine.search({ ...request(`"${rare}"`), match: "any" });
    const head = found.hits.slice(0, exact.length);
    expect(head.map((hit) => hit.id).sort()).toEqual(exact);
    expect(head.every((hit) => hit.matchedAll)).toBe(true);
    expect(found.hits.slice(exact.length).every((hit) => !hit.matchedAll)).toBe(true);
  });

  it("is settled in a sharded collection from postings alone, fetching only the shards of the page's hits", async () => {
    const fetched: string[] = [];
    const load = async (path: string) => {
      fetched.push(path);
      return JSON.parse(files.get(path) as string);
    };
    const sharded = openCollection(head, { load });
    const q = '"the government"';
    const bundled = await engine.search({ ...request(q), limit: 10 });
    expect(bundled.total).toBeGreaterThan(PAIR_MIN_SHARED);
    expect(await sharded.search({ ...request(q), limit: 10 })).toEqual(bundled);
    const recordFiles = fetched.filter((path) => path.includes("/records-"));
    expect(recordFiles.length).toBeLessThanOrEqual(10);
  });
});
