import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CompiledCollection } from "../../src/engine";
import generated from "../../src/generated/collection.js";
import { Meta } from "../../src/schema/meta";
import { Problem } from "../../src/schema/problem";
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
    ["colour=blue", "colour", /unknown parameter/],
  ])("answers ?%s with a 400 problem naming %s", async (query, name, reason) => {
    const body = await problem(await get(`/v1/search?${query}`), 400);
    expect(body.invalidParams).toHaveLength(1);
    expect(body.invalidParams?.[0]?.name).toBe(name);
    expect(body.invalidParams?.[0]?.reason).toMatch(reason);
    expect(body.detail).toContain(name);
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
      "/v1/meta",
      "/v1/records",
      "/v1/records/{id}",
      "/v1/search",
      "/v1/suggest",
    ]);
    const params = doc.paths["/v1/search"]?.get?.parameters?.map((param) => param.name).sort();
    expect(params).toEqual([
      "answered",
      "body",
      "from",
      "heading",
      "house",
      "limit",
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

describe("errors and methods", () => {
  it("answers an unknown path with a 404 problem", async () => {
    await problem(await get("/v2/nothing"), 404);
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
