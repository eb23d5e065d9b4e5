/** What searching the seed collection finds: normalisation, typos, prefixes, phrases, synonyms, members. */
import { beforeAll, describe, expect, it } from "vitest";
import { engineFor, loadJudgedSet } from "../../eval/evaluate";
import type { Collection, SearchRequest } from "../../src/engine";

let engine: Collection;
beforeAll(async () => {
  engine = await engineFor(loadJudgedSet("seed"));
});

const search = (q: string, extra: Partial<SearchRequest> = {}) =>
  engine.search({ answered: undefined, q, sort: "relevance", limit: 20, offset: 0, ...extra });
const askers = async (q: string) => (await search(q)).hits.map((hit) => hit.askingMember.name);
const questionsOf = async (q: string) => (await search(q)).hits.map((hit) => hit.questionText);
const suggest = (q: string) => engine.suggest({ q, limit: 8 });

describe("searching without highlighting", () => {
  it("finds the same hits in the same order, with the same facets, and marks nothing", async () => {
    for (const q of ["genocide", "human rights", '"mass executions"', "iran 1988", "genocde"]) {
      const marked = await search(q);
      const plain = await search(q, { highlight: false });
      expect(
        plain.hits.map((hit) => [hit.id, hit.matchedAll]),
        q,
      ).toEqual(marked.hits.map((hit) => [hit.id, hit.matchedAll]));
      expect(plain.total).toBe(marked.total);
      expect(plain.facets).toEqual(marked.facets);
      for (const hit of plain.hits) expect(hit.marked.questionText.marks).toEqual([]);
      expect(
        marked.hits.some((hit) => hit.marked.questionText.marks.length > 0),
        q,
      ).toBe(true);
    }
  });
});

describe("searching the seed collection", () => {
  it("ranks the question about genocide first, above answers that merely mention a word", async () => {
    expect((await askers("genocide"))[0]).toBe("Steve McCabe");
    // "Raisi" is in most boilerplate answers; the three questions naming him come first.
    expect((await questionsOf("Raisi")).slice(0, 3).every((text) => text.includes("Raisi"))).toBe(true);
  });

  it("corrects misspellings the index lacks, by one edit from four letters and two from eight", async () => {
    expect((await search("massacer")).total).toBe((await search("massacre")).total);
    expect((await questionsOf("rapoteur"))[0]).toMatch(/Rapporteur/i);
    expect((await askers("offrod"))[0]).toBe("Dr. Matthew Offord");
  });

  it("does not guess at short words, so short queries are not flooded", async () => {
    expect((await search("irn")).total).toBe(0);
  });

  it("completes prefixes of words the index lacks", async () => {
    expect((await questionsOf("extrajud"))[0]).toMatch(/extrajudicial/);
    expect((await search("inqu")).total).toBe((await search("inquiry")).total);
  });

  it("finds other forms of a word through its stem", async () => {
    expect((await search("investigate")).total).toBe((await search("investigation")).total);
    expect((await questionsOf("recognize"))[0]).toMatch(/recognise/);
  });

  it("folds case, diacritics, curly apostrophes and hyphens", async () => {
    expect((await search("SLOVÉNIA")).total).toBe(1);
    expect((await search("Iran’s president")).total).toBe((await search("Iran's president")).total);
    expect((await search("Secretary-General")).total).toBe((await search("secretary general")).total);
    expect((await search("extra-judicial killings")).total).toBeGreaterThan(0);
  });

  it("matches a quoted phrase word for word and in order, stop words included", async () => {
    const all = { match: "all" } as const;
    expect((await search('"mass graves"', all)).total).toBe(1);
    expect((await search('"graves mass"', all)).total).toBe(0);
    expect((await askers('"crime against humanity"')).slice(0, 2).sort()).toEqual(["Bob Blackman", "Steve McCabe"]);
    expect((await search('"crime for humanity"', all)).total).toBe(0);
    expect((await search("crime against humanity", all)).total).toBe(2);
  });

  it("reads abbreviations and their expansions as the same thing", async () => {
    const all = { match: "all" } as const;
    expect((await search("United Nations inquiry", all)).total).toBe((await search("UN inquiry", all)).total);
    expect((await search("SG report", all)).total).toBe((await search("Secretary-General report", all)).total);
    expect((await questionsOf("HRC"))[0]).toMatch(/Human Rights Council/);
  });

  it("finds a member's questions by surname, full name or with a title", async () => {
    for (const q of ["Offord", "Matthew Offord", "Dr Offord", "Mr Offord"]) {
      expect(new Set(await askers(q))).toEqual(new Set(["Dr. Matthew Offord"]));
    }
    expect(new Set(await askers("Lord Alton"))).toEqual(new Set(["Lord Alton of Liverpool"]));
  });

  it("filters by a member name exactly as /v1/meta lists it", async () => {
    const [listed] = Object.keys(engine.meta.facets.member);
    expect((await search("", { member: [listed as string] })).total).toBe(engine.meta.facets.member[listed as string]);
  });

  it("highlights a short window of the answer on whole words, escaped, adding only <mark>", async () => {
    const answer = (await search("rapporteur")).hits[0]?.highlights.answerText ?? "";
    expect(answer).toMatch(/^… .*<mark>Rapporteur<\/mark>.* …$/);
    expect(answer.split(" ").length).toBeLessThanOrEqual(32);
    expect(answer.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });
});

describe("suggestions", () => {
  it("completes the last word with the collection's words, most used first", async () => {
    expect((await suggest("inqu"))[0]).toEqual({ text: "inquiry", kind: "term", count: 7 });
    expect((await suggest("human ri"))[0]?.text).toBe("human rights");
  });

  it("offers a member whose name the words typed begin, before words", async () => {
    expect((await suggest("Dr Off"))[0]).toEqual({ text: "Dr. Matthew Offord", kind: "member", count: 3 });
    expect((await suggest("alt"))[0]?.text).toBe("Lord Alton of Liverpool");
  });

  it("offers nothing once the word is finished", async () => {
    expect(await suggest("inquiry ")).toEqual([]);
    expect(await suggest("")).toEqual([]);
  });
});
