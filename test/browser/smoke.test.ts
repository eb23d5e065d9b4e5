import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, watchedPage } from "./chromium";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("the Worker under wrangler dev, seen from Chromium", () => {
  it("answers a search from a browser with the seed's records", async () => {
    const { page, consoleErrors } = await watchedPage(browser);
    const response = await page.goto(`${inject("baseUrl")}/v1/search?q=genocide`);
    expect(response?.status()).toBe(200);
    const body = JSON.parse((await page.locator("body").textContent()) ?? "");
    expect(body.hits[0].askingMember.name).toBe("Steve McCabe");
    expect(consoleErrors).toEqual([]);
  });
});
