/**
 * Property-based fuzzing of the API, the pages and /embed through the Worker in workerd:
 * thousands of generated requests, with generated Unicode among them (decomposed text, halves of
 * surrogate pairs, control characters, malformed escapes). None is answered 5xx; every body is
 * valid UTF-8, and JSON never carries a lone surrogate; each API answer has a status the OpenAPI
 * document lists for its route and a body the schema behind that document accepts.
 */
import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { Meta } from "../../src/schema/meta";
import { Problem } from "../../src/schema/problem";
import { LIMITS } from "../../src/schema/query";
import { QuestionRecord } from "../../src/schema/record";
import { RecordsResponse, SearchResponse } from "../../src/schema/search";
import { SuggestResponse } from "../../src/schema/suggest-response";
import { highlightProblems } from "../support/markup";
import { decodeUtf8, isWellFormedJson } from "../support/unicode";

interface OpenApiDocument {
  paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
}

// Thousands of requests on a shared 2-core machine: generous, so only a hang fails by time.
const FUZZ_TIMEOUT = 180_000;

let openapi: OpenApiDocument;
let recordIds: string[];
let requests = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  openapi = await (await exports.default.fetch(new Request("https://pq.test/openapi.json"))).json();
  const listing = RecordsResponse.parse(
    await (await exports.default.fetch(new Request("https://pq.test/v1/records?limit=100"))).json(),
  );
  recordIds = listing.records.map((record) => record.id);
});

afterAll(() => {
  console.log(`fuzz: ${requests} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
});

const PARAM_NAMES = ["q", "limit", "offset", "sort", "house", "party", "member", "answered", "from", "to"];
const INTERESTING = [
  ...["", "0", "1", "10", "50", "51", "100", "101", "999", "1000", "-1", "1e3", "0x10", " 5", "5 ", "007"],
  ...["iran", "human rights", "genocide", "a", "a b c d e f g h i j k l m n o p q r s t", "x".repeat(600)],
  ...["Commons", "Lords", "commons", "true", "false", "TRUE", "relevance", "newest", "oldest"],
  ...["2021-09-15", "2021-02-30", "2021-9-1", "0000-00-00", "9999-12-31", "Conservative", "Bob Blackman"],
  ...["__proto__", "constructor", "toString", "<script>alert(1)</script>", "</mark><img onerror=x>", "&amp;lt;"],
  ...["%", "&", "=", "+", "\u0000", "\uFFFF", "\uD800", "🙂", "İ", "⅐", "\u202E", "null", "undefined", "[]", "{}"],
];

/** Text that stresses Unicode handling: NFD, lone surrogate halves, controls, bidi and joiners. */
const unicodeText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }).map((text) => text.normalize("NFD")),
  fc.string({ unit: "grapheme-composite", maxLength: 10 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom("e\u0301", "\u0301", "\u0308\u0308", "re\u0301gi", "\uD800", "\uDFFF", "\uD83D", "\uDE42"),
        fc.constantFrom("\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u2028", "\u200D", "\uFEFF", "\u202E"),
        fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
        fc.constantFrom("iran", "regime", "human", " ", "-", "'", "__"),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join("")),
);

const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 2000 }).map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 100, maxLength: 700 }) },
  { weight: 3, arbitrary: unicodeText },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom("iran", "human", "rights", "uk", "x"), { maxLength: 30 })
      .map((words) => words.join(" ")),
  },
);
const name = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PARAM_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const anyParams = fc.array(fc.tuple(name, value), { maxLength: 10 });

const WORDS = ["iran", "human", "rights", "genocide", "uk", "government", "china", "the", "a", "x", "uyghur", "1988"];
const HOSTILE = ["<script>", "</mark><img onerror=x>", "__proto__", "constructor", "&amp;lt;", "İ", "⅐", "🙂"];
const isoDate = fc
  .date({ min: new Date("2015-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
/** Requests a client would plausibly send: mostly valid, so most reach the engine. */
const plausibleParams = fc
  .record(
    {
      q: fc
        .array(
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
            { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
          ),
          { maxLength: 6 },
        )
        .map((words) => words.join(" ")),
      limit: fc.integer({ min: 1, max: 50 }).map(String),
      offset: fc.integer({ min: 0, max: 40 }).map(String),
      sort: fc.constantFrom("relevance", "newest", "oldest"),
      house: fc.constantFrom("Commons", "Lords"),
      party: fc.array(fc.constantFrom("Conservative", "Labour", "Crossbench", "Liberal Democrat", "__proto__"), {
        minLength: 1,
        maxLength: 3,
      }),
      member: fc.array(fc.constantFrom("Bob Blackman", "Steve McCabe", "Baroness Eaton", "nobody"), {
        minLength: 1,
        maxLength: 2,
      }),
      answered: fc.constantFrom("true", "false"),
      from: isoDate,
      to: isoDate,
    },
    { requiredKeys: [] },
  )
  .map((picked) =>
    Object.entries(picked).flatMap(
      ([key, chosen]): Array<[string, string]> =>
        Array.isArray(chosen) ? chosen.map((item) => [key, item]) : [[key, chosen as string]],
    ),
  );
const params = fc.oneof(plausibleParams, anyParams);
/** /v1/records takes the filters but not q or sort. */
const withoutQ = params.map((pairs) => pairs.filter(([key]) => key !== "q" && key !== "sort"));
/** Raw fragments that URLSearchParams would never produce: malformed escapes, bare keys. */
const RAW_TAILS = ["&%", "&q=%E0%A4%A", "&%zz=1", "&q", "&=x", "&&&", "&limit=%FF", "&q=%00"];
/** Escapes of bytes that are not UTF-8: a surrogate encoded (ED A0 80), overlong forms, stray bytes. */
const BAD_UTF8 = ["&q=%ED%A0%80", "&q=%C0%AF", "&q=%FF%FE", "&q=e%CC%81%CC", "&%ED%B0%80=1", "&q=%F4%90%80%80"];
const rawTail = fc.option(fc.constantFrom(...RAW_TAILS, ...BAD_UTF8), { freq: 4 });

const SCHEMAS: Record<string, Record<number, z.ZodMiniType>> = {
  "/v1/search": { 200: SearchResponse, 400: Problem, 429: Problem },
  "/v1/records": { 200: RecordsResponse, 400: Problem, 429: Problem },
  "/v1/records/{id}": { 200: QuestionRecord, 400: Problem, 404: Problem, 429: Problem },
  "/v1/meta": { 200: Meta, 429: Problem },
  "/v1/suggest": { 200: SuggestResponse, 400: Problem, 429: Problem },
};

/** What a search box sends while someone types: prefixes of words, then anything at all. */
const typed = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...WORDS, ...HOSTILE).chain((word) => fc.nat(word.length).map((n) => word.slice(0, n))),
  },
  { weight: 2, arbitrary: value },
);
const suggestParams = fc.oneof(
  fc.tuple(typed, fc.option(fc.integer({ min: -2, max: 30 }).map(String))).map(
    ([q, limit]): Array<[string, string]> =>
      limit === null
        ? [["q", q]]
        : [
            ["q", q],
            ["limit", limit],
          ],
  ),
  anyParams,
);

/** Fetches `url`, counts it, and checks it is not a 5xx and its body is valid UTF-8; returns the body. */
async function fetchChecked(url: string, headers: Record<string, string> = {}) {
  const response = await exports.default.fetch(new Request(url, { headers }));
  requests++;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  expect(response.status, url).toBeLessThan(500);
  const text = decodeUtf8(await response.arrayBuffer());
  expect(text, `${url}: not valid UTF-8`).not.toBeNull();
  return { response, text: text ?? "" };
}

async function check(route: string, url: string, headers: Record<string, string> = {}) {
  const { response, text } = await fetchChecked(url, headers);
  const documented = openapi.paths[route]?.get?.responses ?? {};
  expect(Object.keys(documented), `${url} answered ${response.status}`).toContain(String(response.status));
  if (response.status === 304) {
    expect(text).toBe("");
    return;
  }
  expect(response.headers.get("Content-Type"), url).toMatch(/^application\/(problem\+)?json/);
  const body = JSON.parse(text);
  expect(isWellFormedJson(body), `${url}: a lone surrogate in the JSON`).toBe(true);
  const schema = SCHEMAS[route]?.[response.status];
  expect(schema, `${route} ${response.status}`).toBeDefined();
  const parsed = schema?.safeParse(body);
  expect(parsed?.success, `${url}: ${parsed?.error?.message}`).toBe(true);
  if (route === "/v1/search" && response.status === 200) {
    const page = body as SearchResponse;
    expect(page.hits.length).toBeLessThanOrEqual(page.limit);
    expect(page.offset + page.limit).toBeLessThanOrEqual(LIMITS.pageDepth);
    for (const hit of page.hits) expect(highlightProblems(hit.highlights.questionText)).toEqual([]);
  }
}

/** A path segment as a browser sends it: a lone surrogate (not text) becomes U+FFFD, the rest is escaped. */
const segment = (raw: string) => encodeURIComponent(raw.replace(/\p{Cs}/gu, "\uFFFD"));

function url(path: string, pairs: Array<[string, string]>, tail: string | null) {
  return `https://pq.test${path}?${new URLSearchParams(pairs).toString()}${tail ?? ""}`;
}

describe("the API on generated requests", () => {
  it("lists every fuzzed route in the OpenAPI document", () => {
    for (const route of Object.keys(SCHEMAS)) expect(Object.keys(openapi.paths)).toContain(route);
  });

  it(
    "answers 2,000 generated searches without a 5xx, each as the OpenAPI document says",
    async () => {
      await fc.assert(
        fc.asyncProperty(params, rawTail, (pairs, tail) => check("/v1/search", url("/v1/search", pairs, tail))),
        { numRuns: 2000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "answers 1,500 generated record listings without a 5xx, each as the OpenAPI document says",
    async () => {
      await fc.assert(
        fc.asyncProperty(withoutQ, rawTail, (pairs, tail) => check("/v1/records", url("/v1/records", pairs, tail))),
        { numRuns: 1500 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "answers 1,000 generated record lookups without a 5xx, each as the OpenAPI document says",
    async () => {
      const id = fc.oneof(
        fc.constantFrom(...recordIds),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.constantFrom("..", ".", "%", "__proto__", "constructor"),
        unicodeText,
      );
      await fc.assert(
        fc.asyncProperty(id, fc.option(fc.constantFrom("*", '"nope"', "W/*", ""), { freq: 3 }), (raw, etag) =>
          check(
            "/v1/records/{id}",
            `https://pq.test/v1/records/${segment(raw)}`,
            etag === null ? {} : { "If-None-Match": etag },
          ),
        ),
        { numRuns: 1000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "answers 500 generated meta requests with conditional headers as the OpenAPI document says",
    async () => {
      await fc.assert(
        fc.asyncProperty(params, fc.option(fc.string({ maxLength: 20 })), (pairs, etag) =>
          check("/v1/meta", url("/v1/meta", pairs, null), etag === null ? {} : { "If-None-Match": etag }),
        ),
        { numRuns: 500 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "answers 1,000 generated suggestion requests without a 5xx, each as the OpenAPI document says",
    async () => {
      await fc.assert(
        fc.asyncProperty(suggestParams, rawTail, (pairs, tail) =>
          check("/v1/suggest", url("/v1/suggest", pairs, tail)),
        ),
        { numRuns: 1000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it("sent at least 5,000 requests in all", () => {
    expect(requests).toBeGreaterThanOrEqual(5000);
  });
});

/** What a page answered: HTML, with a status from `allowed`. */
async function checkPage(url: string, allowed: number[], headers: Record<string, string> = {}) {
  const { response } = await fetchChecked(url, { Accept: "text/html", ...headers });
  expect(allowed, `${url} answered ${response.status}`).toContain(response.status);
  if (response.status !== 304) expect(response.headers.get("Content-Type"), url).toMatch(/^text\/html/);
}

describe("the pages and /embed on generated requests", () => {
  const pageParams = params.map((pairs) => pairs.filter(([key]) => key !== "limit"));
  const embedParams = fc.oneof(
    params,
    fc.record({ q: unicodeText, lang: fc.constantFrom("en", "cy", "fr", "\u0301") }).map(({ q, lang }) => [
      ["q", q],
      ["lang", lang],
    ]),
  ) as fc.Arbitrary<Array<[string, string]>>;

  it(
    "answers 600 generated search pages without a 5xx, in valid UTF-8",
    async () => {
      await fc.assert(
        fc.asyncProperty(pageParams, rawTail, (pairs, tail) => checkPage(url("/", pairs, tail), [200, 400])),
        { numRuns: 600 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "answers 300 generated record pages without a 5xx, in valid UTF-8",
    async () => {
      const id = fc.oneof(fc.constantFrom(...recordIds), unicodeText, fc.string({ minLength: 1, maxLength: 80 }));
      await fc.assert(
        fc.asyncProperty(id, fc.option(fc.constantFrom("*", '"nope"'), { freq: 3 }), (raw, etag) =>
          checkPage(
            `https://pq.test/records/${segment(raw)}`,
            [200, 304, 404],
            etag === null ? {} : { "If-None-Match": etag },
          ),
        ),
        { numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "answers 600 generated /embed requests without a 5xx, in valid UTF-8",
    async () => {
      await fc.assert(
        fc.asyncProperty(embedParams, rawTail, (pairs, tail) => checkPage(url("/embed", pairs, tail), [200, 400])),
        { numRuns: 600 },
      );
    },
    FUZZ_TIMEOUT,
  );
});
