/**
 * Values from the request are repeated back only in part: a 60,000-character parameter gets a
 * short answer, and a cut never leaves half of a surrogate pair.
 */
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ECHO_MAX, echoed } from "../../src/echoed";
import { isWellFormed, isWellFormedJson } from "../support/unicode";

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`https://pq.test${path}`, { headers }));
const HTML = { Accept: "text/html" };

beforeAll(() => get("/v1/meta"), 60_000);

describe("answers to huge input", () => {
  const huge = "9".repeat(60_000);
  it.each([
    ["a 60,000-digit limit", `/v1/search?limit=${huge}`, 400, {}],
    ["a 60,000-character offset on the listing", `/v1/records?offset=${huge}`, 400, {}],
    ["a 65,000-character record id", `/v1/records/${"a".repeat(65_000)}`, 400, {}],
    ["a 65,000-character path", `/${"p".repeat(65_000)}`, 404, {}],
    ["a 65,000-character page path", `/${"p".repeat(65_000)}`, 404, HTML],
    ["a 65,000-character record page id", `/records/${"r".repeat(65_000)}`, 404, HTML],
    ["a 65,000-character q on the search page", `/?q=${"q".repeat(65_000)}`, 400, HTML],
    ["a 65,000-character q on /embed", `/embed?q=${"q".repeat(65_000)}`, 400, HTML],
    ["a 60,000-character suggestion prefix", `/v1/suggest?q=${"s".repeat(60_000)}`, 400, {}],
  ])("stay small for %s", async (_, path, status, headers) => {
    const response = await get(path, headers);
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(body.length).toBeLessThan(12_000);
  });

  it("quote a long value's start, cut to the bound, in the problem", async () => {
    const body = await (await get(`/v1/search?limit=${huge}`)).json<{ invalidParams: Array<{ reason: string }> }>();
    expect(body.invalidParams[0]?.reason).toBe(
      `expected a whole number from 1 to 50, found "${"9".repeat(ECHO_MAX - 1)}…"`,
    );
  });
});

describe("cutting echoed text", () => {
  it("never splits a surrogate pair, however the cut falls", () => {
    for (let before = 0; before < 4; before++) {
      const value = `${"k".repeat(before)}${"🙂".repeat(60)}`;
      const cut = echoed(value, 10);
      expect(isWellFormed(cut)).toBe(true);
      expect([...cut]).toHaveLength(10);
      expect(cut.endsWith("…")).toBe(true);
    }
    expect(echoed("🙂".repeat(10), 10)).toBe("🙂".repeat(10));
    expect(echoed("short")).toBe("short");
  });

  it("leaves no lone surrogate in a problem naming a long emoji parameter", async () => {
    for (let before = 0; before < 3; before++) {
      const name = `${"k".repeat(before)}${"🙂".repeat(60)}`;
      const response = await get(`/v1/search?${encodeURIComponent(name)}=1`);
      expect(response.status).toBe(400);
      const body = await response.json<{ invalidParams: Array<{ name: string }> }>();
      expect(isWellFormedJson(body)).toBe(true);
      expect([...(body.invalidParams[0]?.name ?? "")]).toHaveLength(ECHO_MAX);
    }
  });
});
