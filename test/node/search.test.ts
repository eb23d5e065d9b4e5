/** What searching the seed collection finds: normalisation, typos, prefixes, phrases, synonyms, members. */
import { beforeAll, describe, expect, it } from "vitest";
import { engineFor, loadJudgedSet } from "../../eval/evaluate";
import type { SearchEngine, SearchRequest } from "../../src/engine/engine";

let engine: SearchEngine;
beforeAll(async () => {
  engine = await engineFor(loadJudgedSet("seed"));
});

const search = (q: string, extra: Partial<SearchRequest> = {}) =>
  engine.search({ answered: undefined, q, sort: "relevance", limit: 20, offset: 0, ...extra });
const askers = (q: string) => search(q).hits.map((hit) => hit.askingMember.name);
const questionsOf = (q: string) => search(q).hits.map((hit) => hit.questionText);

describe("searching the seed collection", () => {
  it("ranks the question about genocide first, above answers that merely mention a word", () => {
    expect(askers("genocide")[0]).toBe("Steve McCabe");
    // "Raisi" is in most boilerplate answers; the three questions naming him come first.
    expect(
      questionsOf("Raisi")
        .slice(0, 3)
        .every((text) => text.includes("Raisi")),
    ).toBe(true);
  });

  it("corrects misspellings the index lacks, by one edit from four letters and two from eight", () => {
    expect(search("massacer").total).toBe(search("massacre").total);
    expect(questionsOf("rapoteur")[0]).toMatch(/Rapporteur/i);
    expect(askers("offrod")[0]).toBe("Dr. Matthew Offord");
  });

  it("does not guess at short words, so short queries are not flooded", () => {
    expect(search("irn").total).toBe(0);
  });

  it("completes prefixes of words the index lacks", () => {
    expect(questionsOf("extrajud")[0]).toMatch(/extrajudicial/);
    expect(search("inqu").total).toBe(search("inquiry").total);
  });

  it("finds other forms of a word through its stem", () => {
    expect(search("investigate").total).toBe(search("investigation").total);
    expect(questionsOf("recognize")[0]).toMatch(/recognise/);
  });

  it("folds case, diacritics, curly apostrophes and hyphens", () => {
    expect(search("SLOVÉNIA").total).toBe(1);
    expect(search("Iran’s president").total).toBe(search("Iran's president").total);
    expect(search("Secretary-General").total).toBe(search("secretary general").total);
    expect(search("extra-judicial killings").total).toBeGreaterThan(0);
  });

  it("matches a quoted phrase word for word and in order, stop words included", () => {
    expect(search('"mass graves"').total).toBe(1);
    expect(search('"graves mass"').total).toBe(0);
    expect(askers('"crime against humanity"').sort()).toEqual(["Bob Blackman", "Steve McCabe"]);
    expect(search('"crime for humanity"').total).toBe(0);
    expect(search("crime against humanity").total).toBe(2);
  });

  it("reads abbreviations and their expansions as the same thing", () => {
    expect(search("United Nations inquiry").total).toBe(search("UN inquiry").total);
    expect(search("SG report").total).toBe(search("Secretary-General report").total);
    expect(questionsOf("HRC")[0]).toMatch(/Human Rights Council/);
  });

  it("finds a member's questions by surname, full name or with a title", () => {
    for (const q of ["Offord", "Matthew Offord", "Dr Offord", "Mr Offord"]) {
      expect(new Set(askers(q))).toEqual(new Set(["Dr. Matthew Offord"]));
    }
    expect(new Set(askers("Lord Alton"))).toEqual(new Set(["Lord Alton of Liverpool"]));
  });

  it("filters by a member name exactly as /v1/meta lists it", () => {
    const [listed] = Object.keys(engine.meta.facets.member);
    expect(search("", { member: [listed as string] }).total).toBe(engine.meta.facets.member[listed as string]);
  });

  it("highlights a short window of the answer on whole words, escaped, adding only <mark>", () => {
    const answer = search("rapporteur").hits[0]?.highlights.answerText ?? "";
    expect(answer).toMatch(/^… .*<mark>Rapporteur<\/mark>.* …$/);
    expect(answer.split(" ").length).toBeLessThanOrEqual(32);
    expect(answer.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });
});

describe("suggestions", () => {
  it("completes the last word with the collection's words, most used first", () => {
    expect(engine.suggest("inqu")[0]).toEqual({ text: "inquiry", kind: "term", count: 7 });
    expect(engine.suggest("human ri")[0]?.text).toBe("human rights");
  });

  it("offers a member whose name the words typed begin, before words", () => {
    expect(engine.suggest("Dr Off")[0]).toEqual({ text: "Dr. Matthew Offord", kind: "member", count: 3 });
    expect(engine.suggest("alt")[0]?.text).toBe("Lord Alton of Liverpool");
  });

  it("offers nothing once the word is finished", () => {
    expect(engine.suggest("inquiry ")).toEqual([]);
    expect(engine.suggest("")).toEqual([]);
  });
});
