/**
 * Unicode at the edge: the query string is decoded by one rule and put in NFC before any route
 * reads it, and the tokenizer keeps a letter's combining marks with it, so decomposed and
 * precomposed text search, count and suggest the same.
 */
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../src/schema/query";
import { SearchResponse } from "../../src/schema/search";
import { SuggestResponse } from "../../src/schema/suggest-response";
import { decodeUtf8 } from "../support/unicode";

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`https://pq.test${path}`, { headers }));
const suggest = async (q: string) =>
  SuggestResponse.parse(await (await get(`/v1/suggest?q=${encodeURIComponent(q)}`)).json());
const E_ACUTE_NFD = "e\u0301";

beforeAll(() => get("/v1/meta"), 60_000);

describe("decomposed accents", () => {
  it("suggest exactly what their precomposed form suggests", async () => {
    for (const [decomposed, precomposed] of [
      [`r${E_ACUTE_NFD}gi`, "régi"],
      [`ex${E_ACUTE_NFD}cu`, "exécu"],
      [`human r${E_ACUTE_NFD}gi`, "human régi"],
    ]) {
      const nfd = await suggest(decomposed as string);
      const nfc = await suggest(precomposed as string);
      expect(nfd).toEqual(nfc);
      expect(nfd.q).toBe(precomposed);
      expect(nfd.suggestions.length, decomposed).toBeGreaterThan(0);
    }
    expect((await suggest(`r${E_ACUTE_NFD}gi`)).suggestions[0]?.text).toBe("regime");
    for (const { text } of (await suggest(`ex${E_ACUTE_NFD}cu`)).suggestions) expect(text).toMatch(/^execut/);
  });

  it("find what their precomposed form finds", async () => {
    const nfd = SearchResponse.parse(await (await get(`/v1/search?q=r${encodeURIComponent(E_ACUTE_NFD)}gime`)).json());
    const nfc = SearchResponse.parse(await (await get(`/v1/search?q=${encodeURIComponent("régime")}`)).json());
    expect(nfd.total).toBeGreaterThan(0);
    expect(nfd).toEqual(nfc);
  });

  it("count as one word however many marks a word carries", async () => {
    const long = encodeURIComponent(E_ACUTE_NFD.repeat(100));
    expect((await get(`/v1/search?q=${long}`)).status).toBe(200);
    const words = (n: number) => encodeURIComponent(Array.from({ length: n }, () => `r${E_ACUTE_NFD}gime`).join(" "));
    expect((await get(`/v1/search?q=${words(LIMITS.queryTerms)}`)).status).toBe(200);
    const over = await (await get(`/v1/search?q=${words(LIMITS.queryTerms + 1)}`)).json<{
      invalidParams: Array<{ reason: string }>;
    }>();
    expect(over.invalidParams[0]?.reason).toBe(`expected at most 20 words, found ${LIMITS.queryTerms + 1}`);
  });
});

describe("malformed percent-escapes", () => {
  it("decode to U+FFFD alike in the API, on the search page and in /embed", async () => {
    // A percent sign typed into a search box arrives escaped (%25) and stays as typed.
    expect((await suggest("ab%FF")).q).toBe("ab%FF");
    const api = SuggestResponse.parse(await (await get("/v1/suggest?q=ab%FF")).json());
    expect(api.q).toBe("ab\uFFFD");
    const page = await (await get("/?q=ab%FF", { Accept: "text/html" })).text();
    const embed = await (await get("/embed?q=ab%FF")).text();
    for (const html of [page, embed]) {
      expect(html).toMatch(/<input[^>]*name="q"[^>]*value="ab\uFFFD"/);
      expect(html).not.toContain("ab%FF");
    }
  });

  it("name the same value in a problem as the route read", async () => {
    const body = await (await get("/v1/search?limit=%FF")).json<{ invalidParams: Array<{ reason: string }> }>();
    expect(body.invalidParams[0]?.reason).toBe('expected a whole number from 1 to 50, found "\uFFFD"');
  });
});

describe("completions", () => {
  it("replace the word being typed, never glued onto characters typed before it", async () => {
    // Not UTF-8, so two U+FFFD, which are no word: nothing to complete, and nothing glued onto "%C0%".
    const malformed = SuggestResponse.parse(await (await get("/v1/suggest?q=%C0%AF")).json());
    expect(malformed).toEqual({ q: "\uFFFD\uFFFD", suggestions: [] });
    const underscored = await suggest("__pro");
    expect(underscored.suggestions.map((s) => s.text)).toContain("prosecution");
    for (const { text } of underscored.suggestions) expect(text).not.toMatch(/^_/);
    expect((await suggest("(regi")).suggestions[0]?.text).toBe("regime");
  });

  it("keep the words before, what joins two words and an opening quote", async () => {
    expect((await suggest("human ri")).suggestions[0]?.text).toBe("human rights");
    expect((await suggest("foreign-aff")).suggestions[0]?.text).toBe("foreign-affairs");
    expect((await suggest('"human ri')).suggestions[0]?.text).toBe('"human rights');
  });
});

describe("pages quoting what was typed", () => {
  it("stay valid UTF-8 when a cut falls inside an emoji", async () => {
    for (let before = 0; before < 2; before++) {
      const q = `${"k".repeat(before)}${"🙂".repeat(70)}`;
      const response = await get(`/?q=${encodeURIComponent(q)}`, { Accept: "text/html" });
      expect(response.status).toBe(200);
      const html = decodeUtf8(await response.arrayBuffer());
      expect(html, `${before} before`).not.toBeNull();
      expect(html).toMatch(/<title>“k?(🙂)+…”/);
    }
  });
});
