import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Collection } from "../../src/engine";
import type { SearchResponse } from "../../src/schema/search";
import { canary, payloadCollection, RECORD_PAYLOADS } from "../node/xss-fixture";
import { XSS_PAYLOADS } from "../support/xss-payloads";
import { launchChromium, watchedPage } from "./chromium";

let browser: Browser;
let engine: Collection;
beforeAll(async () => {
  browser = await launchChromium();
  ({ engine } = await payloadCollection());
});
afterAll(() => browser?.close());

interface Parsed {
  elements: string[];
  handlers: string[];
  text: string;
}

// Runs in Chromium: the HTML parser builds a fragment from each highlight, inside a live
// document, and reports what it made. Strings, not functions: this file is type-checked without DOM types.
const PARSE_IN_PAGE = `(highlights) => highlights.map((html) => {
  const host = document.createElement("div");
  document.body.append(host);
  host.innerHTML = html;
  const all = [...host.querySelectorAll("*")];
  const parsed = {
    elements: all.filter((el) => el.localName !== "mark").map((el) => el.localName),
    handlers: all.flatMap((el) => [...el.attributes].map((attr) => attr.name)),
    text: host.textContent,
  };
  host.remove();
  return parsed;
})`;

describe("highlights parsed by Chromium's HTML parser", () => {
  it(`make no element but mark and no attribute for any of the ${XSS_PAYLOADS.length} payloads`, async () => {
    const highlights: string[] = [];
    const expectedText: string[] = [];
    for (const [i, payload] of RECORD_PAYLOADS.entries()) {
      for (const q of [canary(i), `${canary(i)} ${payload.text}`]) {
        const { hits } = await engine.search({ q, sort: "relevance", limit: 5, offset: 0, answered: undefined });
        for (const hit of hits) {
          highlights.push(hit.highlights.questionText);
          expectedText.push(hit.questionText);
        }
      }
    }
    // The Worker's own answers to payload queries, as served by wrangler dev.
    const served: string[] = [];
    for (const q of [...XSS_PAYLOADS.map((payload) => `iran ${payload.text}`), "'><iran human=rights>"]) {
      const response = await fetch(`${inject("baseUrl")}/v1/search?limit=50&q=${encodeURIComponent(q)}`);
      const body = (await response.json()) as SearchResponse;
      for (const hit of body.hits ?? []) served.push(hit.highlights.questionText, hit.highlights.answerText ?? "");
    }
    const { page, consoleErrors } = await watchedPage(browser);
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto("about:blank");
    expect(served.length).toBeGreaterThan(0);

    const parsed: Parsed[] = await page.evaluate(`(${PARSE_IN_PAGE})(${JSON.stringify([...highlights, ...served])})`);
    expect(parsed.flatMap((result) => result.elements)).toEqual([]);
    expect(parsed.flatMap((result) => result.handlers)).toEqual([]);
    parsed.slice(0, highlights.length).forEach((result, i) => {
      expect(result.text).toBe(expectedText[i]);
    });
    expect(highlights.length).toBeGreaterThanOrEqual(RECORD_PAYLOADS.length * 2);
    expect(dialogs).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
