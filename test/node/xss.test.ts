import { beforeAll, describe, expect, it } from "vitest";
import type { Collection, CompiledCollection, SearchRequest } from "../../src/engine";
import { terms } from "../../src/text/tokenize";
import { highlightProblems, highlightText, scanMarkup } from "../support/markup";
import { PROTOTYPE_WORDS, XSS_PAYLOADS } from "../support/xss-payloads";
import { canary, payloadCollection, RECORD_PAYLOADS } from "./xss-fixture";

let collection: CompiledCollection;
let engine: Collection;
beforeAll(async () => {
  ({ collection, engine } = await payloadCollection());
});

/** Strict: each case looks for exactly the record holding its canary. */
const search = (q: string, more: Partial<SearchRequest> = {}) =>
  engine.search({ q, sort: "relevance", match: "all", limit: 50, offset: 0, answered: undefined, ...more });

describe("the markup checker the XSS suite relies on", () => {
  it("sees elements, handlers, comments and stray characters that would become markup", () => {
    expect(highlightProblems("a <mark>b</mark> &amp; &lt;c&gt;")).toEqual([]);
    expect(scanMarkup('x<img src=x onerror="alert(1)">').tags).toEqual(["img"]);
    expect(scanMarkup("x<img src=x onerror=alert(1)>").attributes).toEqual(["src", "onerror"]);
    expect(highlightProblems("<mark onclick=x>a</mark>")).not.toEqual([]);
    expect(highlightProblems("<!-- x -->")).not.toEqual([]);
    expect(highlightProblems("a & b")).not.toEqual([]);
    expect(highlightProblems('a " b')).not.toEqual([]);
  });
});

describe("payloads stored in records", () => {
  it(`builds all ${RECORD_PAYLOADS.length} payload records with their text unchanged`, async () => {
    expect(collection.records).toHaveLength(RECORD_PAYLOADS.length);
    RECORD_PAYLOADS.forEach((payload, i) => {
      const record = collection.records[i];
      expect(record?.questionText).toBe(
        `To ask the Secretary of State about ${canary(i)} and ${payload.text} in the record.`,
      );
      expect(record?.askingMember.party).toBe(payload.text);
      expect(record?.answer?.text).toBe(`The answer mentions ${canary(i)} and ${payload.text} in its text.`);
    });
  });

  RECORD_PAYLOADS.forEach((payload, i) => {
    it(`highlights ${payload.name} as text, with no element but mark and no attribute`, async () => {
      const record = collection.records[i];
      // The canary alone, then the payload's own words: both must find this record, and mark it safely.
      for (const q of [canary(i), `${canary(i)} ${payload.text}`]) {
        const result = await search(q);
        expect(
          result.hits.map((hit) => hit.id),
          q,
        ).toEqual([record?.id]);
        const [hit] = result.hits;
        const { questionText, answerText } = hit?.highlights ?? { questionText: "", answerText: null };
        expect(highlightProblems(questionText), questionText).toEqual([]);
        expect(highlightText(questionText)).toBe(record?.questionText);
        expect(questionText).toContain(`<mark>${canary(i)}</mark>`);
        expect(highlightProblems(answerText ?? ""), answerText ?? "").toEqual([]);
        expect(record?.answer?.text).toContain(highlightText(answerText ?? "").replace(/^… | …$/g, ""));
      }
    });
  });

  it("keeps a payload party as a facet value and filters on it exactly", async () => {
    const result = await search("", { party: ["</mark><img src=x onerror=alert(1)>"] });
    expect(result.total).toBe(1);
    expect(result.facets.party["</mark><img src=x onerror=alert(1)>"]).toBe(1);
  });
});

describe("payloads typed as queries", () => {
  for (const payload of XSS_PAYLOADS) {
    it(`answers ${payload.name} with highlights that are only text and marks`, async () => {
      const result = await search(payload.text);
      for (const hit of result.hits) {
        expect(highlightProblems(hit.highlights.questionText)).toEqual([]);
        expect(highlightProblems(hit.highlights.answerText ?? "")).toEqual([]);
      }
      // Every record holding all the payload's words is found: the payload is searched as words.
      if (payload.inRecords && terms(payload.text).length > 0) expect(result.total).toBeGreaterThanOrEqual(1);
    });
  }
});

describe("words that are Object.prototype property names", () => {
  for (const word of PROTOTYPE_WORDS) {
    it(`finds exactly the records containing ${word}, like any other word`, async () => {
      const term = terms(word)[0] as string;
      const holding = RECORD_PAYLOADS.flatMap((payload, i) => (terms(payload.text).includes(term) ? [i] : []));
      expect(holding.length).toBeGreaterThan(0);
      const result = await search(word);
      expect(result.hits.map((hit) => hit.id).sort()).toEqual(holding.map((i) => collection.records[i]?.id).sort());
    });
  }

  it("finds nothing for such a word in a collection that does not contain it", async () => {
    for (const word of ["valueOf", "isPrototypeOf", "__lookupSetter__", "toJSON"]) {
      const result = await search(`${word} ${canary(0)}`);
      expect(result.total, word).toBe(0);
    }
  });

  it("counts __proto__ and constructor as ordinary facet values and filters on them", async () => {
    const all = await search("");
    for (const party of ["__proto__", "constructor"]) {
      expect((await search("", { party: [party] })).total, party).toBe(1);
      expect(Object.hasOwn(all.facets.party, party), party).toBe(true);
      expect(all.facets.party[party], party).toBe(1);
      expect(Object.hasOwn(collection.meta.facets.party, party), party).toBe(true);
    }
    for (const party of ["toString", "hasOwnProperty"]) {
      expect((await search("", { party: [party] })).total, party).toBe(0);
      expect(Object.hasOwn(all.facets.party, party), party).toBe(false);
    }
  });
});
