/**
 * The related-questions stage (pure, on records made for the purpose) and the research tables
 * through the engine: a sharded collection answers answer groups, related questions and collapsed
 * searches exactly as the bundled one, fetching only what it needs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MIN_SIMILARITY, RELATED_PER_RECORD, relatedQuestions } from "../../index-build/stages/related";
import { type CompiledCollection, openCollection, type SearchRequest, type ShardedHead } from "../../src/engine";
import type { QuestionRecord } from "../../src/schema/record";
import { build, loadModule, tempProject, testLimits } from "./build-helpers";

const OPENING = "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, ";

function question(text: string, at: number, heading?: string): QuestionRecord {
  return {
    id: `q${at}`,
    house: "Commons",
    askingMember: { name: "A Member", party: null, memberFrom: null },
    questionText: `${OPENING}${text}`,
    dateTabled: null,
    answered: false,
    answer: null,
    ...(heading && { heading }),
    sources: [{ file: "seeds/x.json", line: at + 1 }],
  };
}

describe("related questions", () => {
  const records = [
    "what steps he is taking to protect coral reefs from ocean acidification.",
    "what assessment he has made of ocean acidification and coral reefs in the Pacific.",
    "whether coral reefs in British overseas territories are monitored for bleaching.",
    "what the cost was of the embassy refurbishment in Lima.",
    "what plans he has to refurbish the embassy building in Lima.",
    "how many staff work at the embassy in Tokyo.",
  ].map((text, at) => question(text, at));

  it("finds the questions about the same subject, most alike first, never the record itself", () => {
    const related = relatedQuestions(records);
    // Both on ocean acidification and coral reefs; the bleaching question shares only "coral reefs".
    expect(related[0]?.[0]?.[0]).toBe(1);
    expect(related[2]?.map(([doc]) => doc).every((doc) => doc < 2)).toBe(true);
    expect(related[3]?.[0]?.[0]).toBe(4);
    related.forEach((list, doc) => {
      expect(list.map(([other]) => other)).not.toContain(doc);
      expect(list.length).toBeLessThanOrEqual(RELATED_PER_RECORD);
      const scores = list.map(([, score]) => score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const score of scores) expect(score).toBeGreaterThanOrEqual(MIN_SIMILARITY * 100 - 0.5);
    });
  });

  it("does not relate questions only because they open with the same department", () => {
    const related = relatedQuestions(records);
    const reefs = new Set([0, 1, 2]);
    for (const doc of [3, 4, 5]) for (const [other] of related[doc] ?? []) expect(reefs.has(other)).toBe(false);
  });

  it("reads the heading as part of what a question asks", () => {
    const headed = [
      question("what steps he is taking on this matter.", 0, "Sudan: Humanitarian Aid"),
      question("what recent discussions he has had with his counterparts.", 1, "Sudan: Humanitarian Aid"),
      question("what recent discussions he has had on fisheries quotas.", 2),
    ];
    expect(relatedQuestions(headed)[0]?.[0]?.[0]).toBe(1);
  });

  it("keeps at most five, the five most alike", () => {
    const many = Array.from({ length: 9 }, (_, at) =>
      question(
        `what support is given to beekeepers and pollinators ${"near meadows ".repeat(at % 3)}in region ${at}.`,
        at,
      ),
    );
    const related = relatedQuestions(many);
    expect(related.every((list) => list.length === RELATED_PER_RECORD)).toBe(true);
  });
});

describe("the research tables in a sharded collection", () => {
  let whole: CompiledCollection;
  let head: ShardedHead;
  let files: Map<string, string>;
  beforeAll(async () => {
    const root = tempProject({}, true);
    whole = await loadModule((await build(root, testLimits({ sharding: "never" }))).source);
    const sharded = await build(root, testLimits({ sharding: "always", recordsPerShard: 4 }));
    head = await loadModule(sharded.source);
    files = sharded.assets;
  });

  const opened = () => {
    const fetched: string[] = [];
    const collection = openCollection(head, {
      load: async (path) => {
        fetched.push(path);
        return JSON.parse(files.get(path) as string);
      },
    });
    return { collection, fetched };
  };

  it("answers answer groups, one group and related questions exactly as the bundled collection", async () => {
    const bundled = openCollection(whole);
    const { collection } = opened();
    const page = { limit: 10, offset: 0 };
    expect(await collection.answerGroups(page)).toEqual(await bundled.answerGroups(page));
    const id = whole.answerGroups[1]?.id as string;
    expect(await collection.answerGroup(id)).toEqual(await bundled.answerGroup(id));
    for (const record of whole.records)
      expect(await collection.related(record.id)).toEqual(await bundled.related(record.id));
    expect(await collection.related("nosuchrecord")).toBeUndefined();
  });

  it("collapses searches by answer exactly as the bundled collection", async () => {
    const bundled = openCollection(whole);
    const { collection } = opened();
    const base: SearchRequest = { q: "iran", sort: "relevance", limit: 10, offset: 0, collapse: "answer" };
    for (const request of [base, { ...base, q: "", sort: "newest" as const }, { ...base, offset: 3 }])
      expect(await collection.search(request)).toEqual(await bundled.search(request));
  });

  it("lists answer groups from the head and the record shards alone, and related questions from one small file", async () => {
    const { collection, fetched } = opened();
    await collection.answerGroups({ limit: 10, offset: 0 });
    expect(fetched.every((path) => head.recordFiles.includes(path))).toBe(true);
    fetched.length = 0;
    await collection.related(whole.records[0]?.id as string);
    expect(fetched.filter((path) => !head.recordFiles.includes(path))).toEqual([
      head.columnFiles.ids,
      head.relatedFiles[0],
    ]);
  });
});
