import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CompiledCollection } from "../../src/engine";
import generated from "../../src/generated/collection.js";
import { Meta } from "../../src/schema/meta";
import { PROBLEM_TYPES, Problem, type ProblemName, problemType } from "../../src/schema/problem";
import { QuestionRecord } from "../../src/schema/record";
import { RecordsResponse, SearchResponse } from "../../src/schema/search";

// This project serves the seed, which the build bundles whole (test/worker-sharded covers shards).
const collection = generated as CompiledCollection;
const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://pq.test${path}`, init));

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  return Problem.parse(await response.json());
}

describe("GET /v1/search", () => {
  it("finds Steve McCabe's question first for genocide", async () => {
    const response = await get("/v1/search?q=genocide");
    expect(response.status).toBe(200);
    const body = SearchResponse.parse(await response.json());
    expect(body.hits[0]?.askingMember.name).toBe("Steve McCabe");
    expect(body.hits[0]?.highlights.questionText).toContain("<mark>genocide</mark>");
  });

  it("applies defaults and echoes limit and offset", async () => {
    const body = SearchResponse.parse(await (await get("/v1/search?q=Iran")).json());
    expect(body.limit).toBe(10);
    expect(body.offset).toBe(0);
    expect(body.hits).toHaveLength(10);
    expect(body.total).toBeGreaterThan(10);
  });

  it("accepts repeated party and member filters as 'any of'", async () => {
    const body = SearchResponse.parse(
      await (await get("/v1/search?member=Henry%20Smith&member=Theresa%20Villiers")).json(),
    );
    expect(body.total).toBe(2);
    expect(body.facets.member).toEqual({ "Henry Smith": 1, "Theresa Villiers": 1 });
  });

  it("returns each facet's facetLimit values with the most matches, most first, and /v1/meta every value", async () => {
    const meta = Meta.parse(await (await get("/v1/meta")).json());
    const members = Object.entries(meta.facets.member);
    expect(members.length).toBeGreaterThan(3);
    const byCount = members.map(([, count]) => count).sort((a, b) => b - a);
    for (const query of ["", "q=the&"]) {
      const limited = SearchResponse.parse(await (await get(`/v1/search?${query}facetLimit=3`)).json());
      const shown = Object.values(limited.facets.member);
      expect(shown).toHaveLength(3);
      expect(shown).toEqual([...shown].sort((a, b) => b - a));
      if (query === "") expect(shown).toEqual(byCount.slice(0, 3));
    }
    // The seed has fewer than ten members: the default shows them all (test/node covers the cap of ten).
    const byDefault = SearchResponse.parse(await (await get("/v1/search")).json());
    expect(Object.keys(byDefault.facets.member)).toHaveLength(Math.min(10, members.length));
    const none = SearchResponse.parse(await (await get("/v1/search?q=the&facetLimit=0")).json());
    expect(Object.values(none.facets).every((counts) => Object.keys(counts).length === 0)).toBe(true);
    expect(none.total).toBeGreaterThan(0);
  });

  it("answers highlight=false with the same hits, order and facets, none of them marked", async () => {
    const marked = SearchResponse.parse(await (await get("/v1/search?q=genocide&limit=20")).json());
    const plain = SearchResponse.parse(await (await get("/v1/search?q=genocide&limit=20&highlight=false")).json());
    expect(marked.hits.some((hit) => hit.marked.questionText.marks.length > 0)).toBe(true);
    expect(plain.hits.map((hit) => hit.id)).toEqual(marked.hits.map((hit) => hit.id));
    expect(plain.total).toBe(marked.total);
    expect(plain.facets).toEqual(marked.facets);
    for (const hit of plain.hits) {
      expect(hit.marked).toEqual({ questionText: { text: hit.questionText, marks: [] }, answerText: null });
      expect(hit.highlights.answerText).toBeNull();
      expect(hit.highlights.questionText).not.toContain("<mark>");
    }
  });

  it("browses when q is empty and filters are given", async () => {
    const body = SearchResponse.parse(await (await get("/v1/search?house=Lords&answered=false")).json());
    expect(body.total).toBe(3);
    expect(body.hits.every((hit) => hit.house === "Lords" && !hit.answered)).toBe(true);
  });

  it.each([
    ["limit=0", "limit", /whole number from 1 to 50, found "0"/],
    ["limit=51", "limit", /whole number from 1 to 50, found "51"/],
    ["limit=ten", "limit", /found "ten"/],
    ["offset=-1", "offset", /whole number from 0/],
    ["house=commons", "house", /expected Commons or Lords, found "commons"/],
    ["answered=yes", "answered", /expected true or false, found "yes"/],
    ["from=2021-02-30", "from", /real calendar date, found "2021-02-30"/],
    ["to=yesterday", "to", /YYYY-MM-DD, found "yesterday"/],
    ["sort=best", "sort", /expected relevance, newest or oldest, found "best"/],
    ["facetLimit=1001", "facetLimit", /whole number from 0 to 1000, found "1001"/],
    ["facetLimit=all", "facetLimit", /whole number from 0 to 1000, found "all"/],
    ["highlight=no", "highlight", /expected true or false, found "no"/],
    ["colour=blue", "colour", /unknown parameter/],
  ])("answers ?%s with a 400 problem naming %s", async (query, name, reason) => {
    const body = await problem(await get(`/v1/search?${query}`), 400);
    expect(body.invalidParams).toHaveLength(1);
    expect(body.invalidParams?.[0]?.name).toBe(name);
    expect(body.invalidParams?.[0]?.reason).toMatch(reason);
    expect(body.detail).toContain(name);
  });

  it("accepts dates in the years 0000 to 0099 and counts their leap years", async () => {
    for (const date of ["0078-01-01", "0000-02-29", "0004-02-29", "0099-12-31", "2000-02-29"])
      expect((await get(`/v1/search?to=${date}`)).status, date).toBe(200);
    for (const date of ["0078-02-29", "0100-02-29", "1900-02-29", "0001-13-01", "0001-04-31", "0001-01-00"]) {
      const body = await problem(await get(`/v1/search?from=${date}`), 400);
      expect(body.invalidParams?.[0]?.reason, date).toMatch(/real calendar date/);
    }
  });

  it("names every invalid parameter at once", async () => {
    const body = await problem(await get("/v1/search?limit=500&house=X"), 400);
    expect(body.invalidParams?.map((param) => param.name).sort()).toEqual(["house", "limit"]);
  });
});

describe("GET /v1/records", () => {
  it("lists all 18 records exactly as the build compiled them", async () => {
    const body = RecordsResponse.parse(await (await get("/v1/records?limit=100")).json());
    expect(body.total).toBe(18);
    expect(body.records).toEqual(collection.records);
  });

  it("pages and filters the listing", async () => {
    const body = RecordsResponse.parse(await (await get("/v1/records?house=Commons&limit=5&offset=10")).json());
    expect(body.total).toBe(13);
    expect(body.records).toHaveLength(3);
    expect(body.limit).toBe(5);
  });

  it("rejects a limit over 100", async () => {
    const body = await problem(await get("/v1/records?limit=101"), 400);
    expect(body.invalidParams?.[0]?.reason).toMatch(/from 1 to 100/);
  });
});

describe("GET /v1/records/{id}", () => {
  it("returns one full record", async () => {
    const wanted = collection.records[3] as QuestionRecord;
    const response = await get(`/v1/records/${wanted.id}`);
    expect(response.status).toBe(200);
    expect(QuestionRecord.parse(await response.json())).toEqual(wanted);
  });

  it("answers an unknown id with a 404 problem", async () => {
    const body = await problem(await get("/v1/records/aaaaaaaaaaaa"), 404);
    expect(body.detail).toContain("aaaaaaaaaaaa");
  });

  it("answers a malformed id with a 400 problem", async () => {
    const body = await problem(await get("/v1/records/not%20an%20id"), 400);
    expect(body.invalidParams?.[0]?.name).toBe("id");
  });
});

describe("GET /v1/meta", () => {
  it("describes the collection: title, description, size, build id, fields and facets", async () => {
    const meta = Meta.parse(await (await get("/v1/meta")).json());
    expect(meta.records).toBe(18);
    expect(meta.title).toMatch(/^Several UK Parliamentarians/);
    expect(meta.buildId).toBe(collection.meta.buildId);
    expect(meta.fields.map((field) => field.name)).toContain("questionText");
    expect(meta.facets.member["Dr. Matthew Offord"]).toBe(3);
  });
});

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document describing every route", async () => {
    const doc = await (await get("/openapi.json")).json<{
      openapi: string;
      paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }>;
    }>();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/feed.atom",
      "/v1/answer-groups",
      "/v1/answer-groups/{id}",
      "/v1/export",
      "/v1/meta",
      "/v1/records",
      "/v1/records/{id}",
      "/v1/records/{id}/citation.json",
      "/v1/records/{id}/citation.ris",
      "/v1/records/{id}/related",
      "/v1/search",
      "/v1/suggest",
    ]);
    const params = doc.paths["/v1/search"]?.get?.parameters?.map((param) => param.name).sort();
    expect(params).toEqual([
      "answered",
      "body",
      "collapse",
      "facetLimit",
      "from",
      "heading",
      "highlight",
      "house",
      "limit",
      "match",
      "member",
      "offset",
      "party",
      "q",
      "sort",
      "tabledFrom",
      "tabledTo",
      "to",
      "uin",
    ]);
  });
});

interface Operation {
  operationId?: string;
  tags?: string[];
  description?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
  responses: Record<string, { content?: Record<string, { example?: Record<string, unknown> }> }>;
}
interface Document {
  info: { license?: { name: string }; contact?: { name: string }; description: string };
  tags: Array<{ name: string }>;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
}

describe("the OpenAPI document", () => {
  const document = async () => (await get("/openapi.json")).json<Document>();
  const param = (doc: Document, path: string, name: string) =>
    doc.paths[path]?.get.parameters?.find((p) => p.name === name)?.schema;

  it("documents match=all, the strict matching, beside the default fallback", async () => {
    const match = param(await document(), "/v1/search", "match");
    expect(match).toMatchObject({ enum: ["any", "all"], default: "any" });
  });

  it("types limit and offset as bounded integers with their defaults", async () => {
    const doc = await document();
    expect(param(doc, "/v1/search", "limit")).toMatchObject({ type: "integer", minimum: 1, maximum: 50, default: 10 });
    expect(param(doc, "/v1/search", "offset")).toMatchObject({ type: "integer", minimum: 0, maximum: 999, default: 0 });
    expect(param(doc, "/v1/records", "limit")).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    expect(param(doc, "/v1/suggest", "limit")).toMatchObject({ type: "integer", minimum: 1, maximum: 20, default: 8 });
  });

  it("gives dates format: date", async () => {
    const doc = await document();
    for (const name of ["from", "to", "tabledFrom", "tabledTo"])
      expect(param(doc, "/v1/search", name), name).toMatchObject({ type: "string", format: "date" });
  });

  it("documents 429 on every operation, /v1/suggest included", async () => {
    const doc = await document();
    for (const [path, item] of Object.entries(doc.paths))
      expect(Object.keys(item.get.responses), path).toContain("429");
  });

  it("gives every operation a unique operationId, defined tags, a description and no security requirement", async () => {
    const doc = await document();
    const tags = doc.tags.map((tag) => tag.name);
    const operations = Object.values(doc.paths).map((item) => item.get);
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
    for (const op of operations) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.length).toBeGreaterThan(0);
      for (const tag of op.tags ?? []) expect(tags).toContain(tag);
      expect(op.description?.length).toBeGreaterThan(20);
      expect(op.security).toEqual([]);
    }
    expect(doc.info.description).toMatch(/public/);
    expect(doc.info.license?.name).toBe("MIT");
    expect(doc.info.contact?.name).toBeTruthy();
  });

  it("lists every problem type of the table in the Problem schema", async () => {
    const doc = await document();
    const described = doc.components.schemas.Problem?.properties.type?.description ?? "";
    for (const [name, { status }] of Object.entries(PROBLEM_TYPES))
      expect(described).toContain(`\`${problemType(name as ProblemName)}\` (${status})`);
  });

  it("shows as examples the very problems the Worker answers", async () => {
    const doc = await document();
    let compared = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const status of ["400", "404"]) {
        const example = item.get.responses[status]?.content?.["application/problem+json"]?.example;
        if (!example) continue;
        const instance = example.instance as string;
        // The example's parameter, with the value its reason says was found.
        const [param] = (example.invalidParams ?? []) as Array<{ name: string; reason: string }>;
        const found = param?.reason.match(/found "([^"]*)"$/)?.[1];
        const url = /^\/v1\/(records|answer-groups)\//.test(instance)
          ? instance
          : `${instance}?${param?.name}=${found}`;
        const response = await get(url);
        expect(response.status, `${path} ${status}`).toBe(Number(status));
        expect(await response.json(), `${path} ${status}`).toEqual(example);
        compared++;
      }
    }
    expect(compared).toBe(16);
  });
});

describe("errors and methods", () => {
  it("answers an unknown path with a 404 problem", async () => {
    await problem(await get("/v2/nothing"), 404);
  });

  it("answers a route's path with a trailing slash as an unknown path: 404, not the route", async () => {
    for (const path of ["/v1/records/", "/v1/search/", "/v1/records/aaaaaaaaaaaa/", "/openapi.json/"])
      await problem(await get(path), 404);
  });

  it("answers an unknown path with the representation the Accept header prefers, q-values and case counted", async () => {
    const page = (accept: string) => get("/nowhere", { headers: { Accept: accept } });
    for (const accept of ["text/html;q=0, application/json", "application/json, text/html;q=0.5", "*/*", ""])
      expect((await page(accept)).headers.get("Content-Type"), accept).toBe("application/problem+json");
    for (const accept of ["TEXT/HTML", "text/html;q=0.9, application/json;q=0.1", "text/*, application/json;q=0.5"])
      expect((await page(accept)).headers.get("Content-Type"), accept).toMatch(/^text\/html/);
    // Under the API's paths, always problem+json.
    const api = await get("/v1/nothing", { headers: { Accept: "text/html" } });
    expect(api.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const response = await get("/v1/search", { method: "POST" });
    await problem(response, 405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD");
  });

  it("answers HEAD like GET without a body", async () => {
    const response = await get("/v1/meta", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});

describe("caching", () => {
  it("sends an ETag and Cache-Control, and 304 for a matching If-None-Match", async () => {
    const first = await get("/v1/search?q=inquiry");
    const etag = first.headers.get("ETag") as string;
    expect(etag).toMatch(new RegExp(`^"${collection.meta.buildId}-`));
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=300");
    const second = await get("/v1/search?q=inquiry", { headers: { "If-None-Match": etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get("ETag")).toBe(etag);
    expect(await second.text()).toBe("");
  });

  it("answers 200 again when the ETag is stale", async () => {
    const response = await get("/v1/meta", { headers: { "If-None-Match": '"stale-etag"' } });
    expect(response.status).toBe(200);
  });

  it("does not cache error answers", async () => {
    const response = await get("/v1/search?limit=0");
    expect(response.headers.get("ETag")).toBeNull();
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("CORS with the default configuration", () => {
  it("allows any origin, without credentials", async () => {
    const response = await get("/v1/search?q=iran", { headers: { Origin: "https://partner.example" } });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("answers a preflight for GET", async () => {
    const response = await get("/v1/search", {
      method: "OPTIONS",
      headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "GET" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Methods")).toBe("GET,HEAD,OPTIONS");
  });
});

describe("Server-Timing", () => {
  it("reports the time spent in the Worker", async () => {
    const response = await get("/v1/search?q=iran");
    expect(response.headers.get("Server-Timing")).toMatch(/search;dur=[\d.]+.*total;dur=[\d.]+/);
  });
});
