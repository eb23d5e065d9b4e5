import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const get = (path: string) => exports.default.fetch(new Request(`https://pq.test${path}`));

// The first request hydrates the collection, which is slow on a busy machine.
describe("the answering-body, heading, UIN and date-tabled filters over HTTP", { timeout: 30_000 }, () => {
  it("accepts body, heading, uin and tabledFrom/tabledTo on /v1/search and /v1/records", async () => {
    for (const path of ["/v1/search", "/v1/records"]) {
      const response = await get(
        `${path}?body=Ministry+of+Defence&body=Home+Office&heading=Defence&uin=HL12826&tabledFrom=2021-01-01&tabledTo=2021-12-31`,
      );
      expect(response.status).toBe(200);
      expect((await response.json<{ total: number }>()).total).toBe(0);
    }
  });

  it("answers 400 naming tabledFrom when it is not a real date", async () => {
    const response = await get("/v1/records?tabledFrom=2021-02-30");
    expect(response.status).toBe(400);
    const problem = await response.json<{ invalidParams: Array<{ name: string; reason: string }> }>();
    expect(problem.invalidParams).toEqual([
      { name: "tabledFrom", reason: 'expected a real calendar date, found "2021-02-30"' },
    ]);
  });

  it("lists answering bodies and headings among the facets of a search", async () => {
    const response = await get("/v1/search?q=");
    const body = await response.json<{ facets: Record<string, unknown> }>();
    expect(Object.keys(body.facets)).toEqual(expect.arrayContaining(["body", "heading"]));
  });

  it("documents the new filters in the OpenAPI document", async () => {
    const document = await (await get("/openapi.json")).json<{
      paths: Record<string, { get: { parameters: Array<{ name: string }> } }>;
    }>();
    for (const path of ["/v1/search", "/v1/records"]) {
      const names = document.paths[path]?.get.parameters.map((parameter) => parameter.name);
      expect(names).toEqual(expect.arrayContaining(["body", "heading", "uin", "tabledFrom", "tabledTo"]));
    }
  });
});
