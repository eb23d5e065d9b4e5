import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://pq.test${path}`, init));

describe("GET /v1/search", () => {
  it("finds Steve McCabe's question first for genocide", async () => {
    const response = await get("/v1/search?q=genocide");
    expect(response.status).toBe(200);
    const body = await response.json<{ hits: Array<{ askingMember: { name: string } }> }>();
    expect(body.hits[0]?.askingMember.name).toBe("Steve McCabe");
  });
});
