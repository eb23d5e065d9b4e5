import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/schema/query";

const get = (path: string) => exports.default.fetch(new Request(`https://pq.test${path}`));

async function problemFor(path: string) {
  const response = await get(path);
  expect(response.status).toBe(400);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  return response.json<{ detail: string; invalidParams: Array<{ name: string; reason: string }> }>();
}

describe("request limits", () => {
  it("accepts a q of exactly 512 bytes and refuses 514 (a 2-byte character more), naming the byte limit", async () => {
    const atLimit = `${"a".repeat(511)}b`;
    expect((await get(`/v1/search?q=${encodeURIComponent(atLimit)}`)).status).toBe(200);
    const problem = await problemFor(`/v1/search?q=${encodeURIComponent(`${atLimit}é`)}`);
    expect(problem.invalidParams).toEqual([{ name: "q", reason: "expected at most 512 bytes (UTF-8), found 514" }]);
  });

  it("counts q in UTF-8 bytes, not characters", async () => {
    const problem = await problemFor(`/v1/search?q=${encodeURIComponent("ж".repeat(257))}`);
    expect(problem.invalidParams[0]?.reason).toBe("expected at most 512 bytes (UTF-8), found 514");
  });

  it(`accepts ${LIMITS.queryTerms} words and refuses one more, naming the word limit`, async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    expect((await get(`/v1/search?q=${words(LIMITS.queryTerms)}`)).status).toBe(200);
    const problem = await problemFor(`/v1/search?q=${words(LIMITS.queryTerms + 1)}`);
    expect(problem.invalidParams).toEqual([{ name: "q", reason: "expected at most 20 words, found 21" }]);
  });

  it("refuses a search page of 51 and a records page of 101, naming each maximum", async () => {
    expect((await problemFor("/v1/search?limit=51")).invalidParams[0]?.reason).toMatch(/from 1 to 50, found "51"/);
    expect((await get("/v1/records?limit=100")).status).toBe(200);
    expect((await problemFor("/v1/records?limit=101")).invalidParams[0]?.reason).toMatch(/from 1 to 100, found "101"/);
  });

  it("refuses paging past offset + limit = 1000 and accepts a page that ends exactly there", async () => {
    expect((await get("/v1/search?offset=950&limit=50")).status).toBe(200);
    expect((await get("/v1/records?offset=900&limit=100")).status).toBe(200);
    const search = await problemFor("/v1/search?offset=951&limit=50");
    expect(search.invalidParams).toEqual([
      {
        name: "offset",
        reason:
          "expected offset + limit to be at most 1000, found 951 + 50; narrow the search with filters instead of paging deeper",
      },
    ]);
    expect((await problemFor("/v1/records?offset=901&limit=100")).invalidParams[0]?.name).toBe("offset");
    expect((await problemFor("/v1/records?offset=1000")).invalidParams[0]?.reason).toMatch(/from 0 to 999/);
  });

  it("refuses a repeatable parameter given 21 times or with a 201-character value", async () => {
    const parties = Array.from({ length: 21 }, (_, i) => `party=p${i}`).join("&");
    expect((await problemFor(`/v1/search?${parties}`)).invalidParams[0]).toEqual({
      name: "party",
      reason: expect.stringMatching(/^expected at most 20 values/),
    });
    const long = (await problemFor(`/v1/records?member=${"m".repeat(201)}`)).invalidParams[0];
    expect(long?.reason).toMatch(/^expected at most 200 characters/);
  });

  it("lists at most 20 problems however many unknown parameters a request carries", async () => {
    const params = Array.from({ length: 500 }, (_, i) => `x${i}=1`).join("&");
    const problem = await problemFor(`/v1/search?${params}`);
    expect(problem.invalidParams).toHaveLength(21);
    expect(problem.invalidParams[20]).toEqual({ name: "query", reason: "and 480 more problems not listed" });
  });

  it("repeats a very long unknown parameter name back only in part", async () => {
    const problem = await problemFor(`/v1/search?${"k".repeat(5000)}=1`);
    expect(problem.invalidParams[0]?.name).toBe(`${"k".repeat(39)}…`);
  });

  it("answers every hostile query shape within the limits with 200", async () => {
    const shapes = [
      "a b c d e f g h i j k l m n o p q r s t",
      "x".repeat(512),
      Array.from({ length: 20 }, () => "iran").join(" "),
      "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ".repeat(12),
    ];
    const filters =
      "&house=Commons&party=Conservative&member=Bob%20Blackman&answered=true&from=2000-01-01&to=2030-01-01";
    for (const q of shapes) {
      for (const sort of ["relevance", "newest", "oldest"]) {
        const response = await get(`/v1/search?q=${encodeURIComponent(q)}&sort=${sort}${filters}&limit=50`);
        expect(response.status, q).toBe(200);
      }
    }
  });
});
