import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";

const get = (path: string) => exports.default.fetch(new Request(`https://pq.test${path}`));

describe("GET /v1/suggest", () => {
  // The first request loads the Worker and hydrates the engine; on a busy machine that alone can
  // approach the default 5 s test timeout, so it happens here, outside the tests.
  beforeAll(() => get("/v1/meta"), 60_000);

  it("completes a partial word from the records", async () => {
    const response = await get("/v1/suggest?q=inqu");
    expect(response.status).toBe(200);
    const body = await response.json<{ q: string; suggestions: Array<{ text: string; kind: string }> }>();
    expect(body.q).toBe("inqu");
    expect(body.suggestions[0]).toMatchObject({ text: "inquiry", kind: "term" });
  });

  it("answers an out-of-range limit with a 400 problem naming the parameter", async () => {
    const response = await get("/v1/suggest?q=inqu&limit=500");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(await response.text()).toMatch(/limit/);
  });

  it("is described in the OpenAPI document", async () => {
    const document = await (await get("/openapi.json")).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths)).toContain("/v1/suggest");
  });
});
