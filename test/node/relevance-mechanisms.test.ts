/**
 * The matching and ranking rules of docs/relevance.md, one by one, on a small hand-written
 * collection where each rule alone decides the order: fallback to partial matches (coverage by
 * idf, full matches first, only full ones once there are enough), every searchable field, member
 * roles and titles, proximity, token joining, and a synonym group's single words.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Collection, openCollection, type SearchRequest } from "../../src/engine";
import type { RecordInput } from "../../src/schema/record";
import { build, tempProject } from "./build-helpers";

const member = (name: string) => ({ name, party: "Independent", memberFrom: "Somewhere" });
/** Filler words no query uses, so field lengths and positions can be matched between records. */
const pad = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `filler${from + i}`).join(" ");

interface Spec {
  uin: string;
  q: string;
  asker?: string;
  answerer?: string;
  answer?: string;
  heading?: string;
  body?: string;
}

function record({
  uin,
  q,
  asker = "Ann Other",
  answerer = "Sam Minister",
  answer = "An answer.",
  heading,
  body,
}: Spec) {
  return {
    house: "Commons",
    askingMember: member(asker),
    questionText: q,
    dateTabled: "2021-01-04",
    answer: { answeringMember: { ...member(answerer), house: "Commons" }, dateAnswered: "2021-01-11", text: answer },
    uin,
    answeringBody: body ?? "Cabinet Office",
    heading: heading ?? "General",
  } as RecordInput;
}

const RECORDS: Spec[] = [
  // Fallback and coverage: no record holds every word of "musicians touring haulage".
  { uin: "m1", q: "What support is there for musicians touring Europe?" },
  ...["h1", "h2", "h3", "h4", "h5"].map((uin) => ({
    uin,
    q: `What is being done about haulage delays at ports (${uin})?`,
  })),
  // A full match with a weak score above a partial one with a strong score.
  { uin: "f1", q: `To ask about ${pad(60)} flights that were cancelled.` },
  { uin: "f2", q: "Flights, flights and more flights.", heading: "Flights: Flights" },
  // Enough full matches: the partial one is left out.
  ...Array.from({ length: 11 }, (_, i) => ({ uin: `p${i}`, q: `Ferry services at the port number ${i}.` })),
  { uin: "p-only-ferry", q: "Ferry services in the islands." },
  // Fields: a word only in the heading, one only in the answering body.
  { uin: "g1", q: "What is the waiting time for applications?", heading: "Musicians: Visas" },
  { uin: "g2", q: "How many claimants are there?", body: "Department for Work and Pensions" },
  // Member roles and titles.
  { uin: "r1", q: "What steps on vaccines?", answerer: "Lord Bethell" },
  { uin: "r2", q: "Further to the answer by Lord Bethell, what steps on vaccines?", asker: "Baroness Ritchie" },
  { uin: "r3", q: "What steps on hospitals?", asker: "Lord Jones of Cheltenham" },
  { uin: "r4", q: "What steps on hospitals?", asker: "Baroness Jones of Whitchurch" },
  { uin: "r5", q: "What steps on hospitals?", asker: "Mr Kevan Jones" },
  // Proximity: the same words, in the same position buckets of the question, side by side or apart.
  { uin: "x2", q: `${pad(40)} school trips meals ${pad(50, 100)}` }, // first in source order: ties would go to it
  { uin: "x1", q: `${pad(40)} school meals trips ${pad(50, 100)}` },
  // Written as one word around punctuation.
  { uin: "j1", q: "How many BN(O) visa applications have been made from the U.K. mission?" },
  // A synonym group and its single words.
  { uin: "s1", q: "What cuts to ODA are planned?" },
  { uin: "s2", q: "What development assistance goes to Yemen?" },
];

let engine: Collection;
beforeAll(async () => {
  const root = tempProject({ "records.jsonl": `${RECORDS.map((spec) => JSON.stringify(record(spec))).join("\n")}\n` });
  mkdirSync(join(root, "index-build"));
  writeFileSync(join(root, "index-build", "synonyms.json"), '{"groups": [["ODA", "official development assistance"]]}');
  engine = openCollection((await build(root)).collection);
});

const search = (q: string, extra: Partial<SearchRequest> = {}) =>
  engine.search({ answered: undefined, q, sort: "relevance", limit: 50, offset: 0, ...extra });
/** The UINs of the hits, in order (the records' ids are derived; their UINs are the test's names). */
const uins = async (q: string, extra: Partial<SearchRequest> = {}) => {
  const found = await search(q, extra);
  const byId = new Map((await engine.list({ limit: 100, offset: 0 })).records.map((r) => [r.id, r.uin]));
  return found.hits.map((hit) => byId.get(hit.id));
};

describe("fallback matching", () => {
  it("answers a query no record fully matches with the records matching most of its weight, flagged partial", async () => {
    const found = await search("musicians touring haulage");
    expect(found.total).toBeGreaterThan(0);
    expect(found.hits.every((hit) => !hit.matchedAll)).toBe(true);
    // "musicians" and "touring" are rare, "haulage" in five records: m1 covers most of the query.
    expect((await uins("musicians touring haulage"))[0]).toBe("m1");
    expect((await search("musicians touring haulage", { match: "all" })).total).toBe(0);
  });

  it("ranks every full match above every partial one, whatever their scores", async () => {
    const order = await uins("cancelled flights");
    expect(order[0]).toBe("f1");
    expect(order).toContain("f2");
  });

  it("returns only the full matches once there are ten or more", async () => {
    const found = await uins("ferry port");
    expect(found).toHaveLength(11);
    expect(found).not.toContain("p-only-ferry");
  });

  it("answers as match=all does once there are ten or more full matches: same hits, scores' order, total and facets", async () => {
    // The engine tries strict matching first and builds the union only when it finds too few.
    const any = await search("ferry port");
    const all = await search("ferry port", { match: "all" });
    expect(any.total).toBe(11);
    expect(any).toEqual(all);
  });

  it("counts a word no record holds as missing, at the highest idf", async () => {
    const found = await search("musicians touring zyxwvut");
    expect(found.hits[0]?.matchedAll).toBe(false);
    expect((await uins("musicians touring zyxwvut"))[0]).toBe("m1");
  });
});

describe("searchable fields", () => {
  it("finds a word held only in the heading or only in the answering body", async () => {
    expect(await uins("musicians visas", { match: "all" })).toEqual(["g1"]);
    expect(await uins("pensions claimants", { match: "all" })).toEqual(["g2"]);
  });
});

describe("members", () => {
  it("looks the names after 'answered by' up only among answering members", async () => {
    expect(await uins("answered by Lord Bethell")).toEqual(["r1"]);
  });

  it("ties a title to the surname after it, so Lord Jones is Lord Jones of Cheltenham first", async () => {
    expect((await uins("Lord Jones"))[0]).toBe("r3");
    expect((await uins("Baroness Jones"))[0]).toBe("r4");
  });
});

describe("proximity", () => {
  it("ranks words side by side above the same words apart, and requires neither order", async () => {
    expect(await uins("school meals", { match: "all" })).toEqual(["x1", "x2"]);
    expect(await engine.plannedKeys("school meals")).toContain("school>meal");
  });
});

describe("words written as one", () => {
  it("reads BN(O) as bno and U.K. as uk, in records and in queries alike", async () => {
    for (const q of ["BNO visa", "BN(O) visa", "U.K. mission", "uk mission"])
      expect(await uins(q, { match: "all" }), q).toEqual(["j1"]);
  });
});

describe("synonym groups named in several words", () => {
  it("ranks the group's records first and, below them, records holding only some of its words", async () => {
    const found = await search("official development assistance");
    expect(await uins("official development assistance")).toEqual(["s1", "s2"]);
    expect(found.hits.map((hit) => hit.matchedAll)).toEqual([true, false]);
    expect(await uins("official development assistance", { match: "all" })).toEqual(["s1"]);
  });
});
