import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SearchResponse } from "../../src/schema/search";
import { highlightProblems } from "../support/markup";
import { XSS_PAYLOADS } from "../support/xss-payloads";

const get = (path: string) => exports.default.fetch(new Request(`https://pq.test${path}`));

// Markup built from words the seed holds, so the search matches and highlights real records.
const MATCHING_MARKUP = ["'><iran human=rights>", "</iran><human rights>", "'iran' & rights <human"];

function assertSafeHighlights(body: SearchResponse) {
  for (const hit of body.hits) {
    expect(highlightProblems(hit.highlights.questionText), hit.highlights.questionText).toEqual([]);
    expect(highlightProblems(hit.highlights.answerText ?? ""), hit.highlights.answerText ?? "").toEqual([]);
  }
}

describe("XSS payloads sent to the API", () => {
  for (const payload of XSS_PAYLOADS) {
    it(`answers ${payload.name} as q with a JSON search or a JSON problem`, async () => {
      const response = await get(`/v1/search?q=${encodeURIComponent(payload.text)}`);
      expect([200, 400]).toContain(response.status);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/(problem\+)?json/);
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      const body = await response.json();
      if (response.status === 200) assertSafeHighlights(SearchResponse.parse(body));
    });

    it(`echoes ${payload.name} in a filter's problem only inside JSON`, async () => {
      const response = await get(`/v1/search?house=${encodeURIComponent(payload.text)}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      expect(response.headers.get("Content-Security-Policy")).toMatch(/default-src 'none'/);
      const body = await response.json<{ invalidParams: Array<{ name: string }> }>();
      expect(body.invalidParams[0]?.name).toBe("house");
    });
  }

  for (const q of MATCHING_MARKUP) {
    it(`highlights the records matched by ${JSON.stringify(q)} with marks and escaped text only`, async () => {
      const response = await get(`/v1/search?q=${encodeURIComponent(q)}&limit=50`);
      const body = SearchResponse.parse(await response.json());
      expect(body.total).toBeGreaterThan(0);
      expect(body.hits.some((hit) => hit.highlights.questionText.includes("<mark>"))).toBe(true);
      assertSafeHighlights(body);
    });
  }
});
