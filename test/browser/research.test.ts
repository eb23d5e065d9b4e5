/**
 * What a reader sees of the research features in Chromium: a record page's links to the other
 * questions given the same answer, its related questions, and its citation with a copy button
 * that script adds (and that is absent, leaving plain text, without script).
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, type WatchedPage, watchedPage } from "./chromium";

let browser: Browser;
const opened: WatchedPage[] = [];
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ page }) => page.close()));
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(() => browser?.close());

const url = (path: string) => `${inject("baseUrl")}${path}`;

async function open(path: string): Promise<WatchedPage> {
  const watched = await watchedPage(browser);
  opened.push(watched);
  await watched.page.goto(url(path));
  return watched;
}

function expectClean({ consoleErrors, cspViolations }: WatchedPage) {
  expect(consoleErrors).toEqual([]);
  expect(cspViolations).toEqual([]);
}

describe("a record page in Chromium", () => {
  it("links to the other questions given the same answer, each of which links back", async () => {
    const watched = await open("/records/c7jocdcev5ac");
    const { page } = watched;
    const section = page.locator("section.same-answer");
    expect(await section.locator("h2").textContent()).toBe("This answer was also given to 4 other questions");
    const links = section.locator("a");
    expect(await links.count()).toBe(4);
    await links.first().click();
    await page.waitForURL(/\/records\/dxi7qlri22k6$/);
    expect(await page.locator("section.same-answer h2").textContent()).toBe(
      "This answer was also given to 4 other questions",
    );
    expect(await page.locator('section.same-answer a[href="/records/c7jocdcev5ac"]').count()).toBe(1);
    expectClean(watched);
  });

  it("lists related questions that open their own pages", async () => {
    const watched = await open("/records/utm64fsjh562");
    const { page } = watched;
    const related = page.locator("section.related a");
    expect(await related.count()).toBeGreaterThan(0);
    const href = await related.first().getAttribute("href");
    await related.first().click();
    await page.waitForURL(url(href as string));
    expect(await page.locator("#record-title").isVisible()).toBe(true);
    expectClean(watched);
  });

  it("copies its citation, permanent link included, with the button script adds", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url("/")).origin });
    const page = await context.newPage();
    await page.goto(url("/records/c7jocdcev5ac"));
    const citation = (await page.locator("#citation").textContent())?.replace(/\s+/g, " ").trim();
    expect(citation).toMatch(
      /^Bob Blackman, written question \[.+\], House of Commons, answered by James Cleverly 15 September 2021\. /,
    );
    expect(citation).toContain("/records/c7jocdcev5ac");
    await page.getByRole("button", { name: "Copy citation" }).click();
    await expect.poll(() => page.locator(".copied").textContent()).toBe("Copied.");
    expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(citation);
  });

  it("offers the citation as plain text, with no copy button, without script", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url("/records/c7jocdcev5ac"));
    expect(await page.locator("#citation").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Copy citation" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Download citation (RIS)" }).getAttribute("href")).toBe(
      "/v1/records/c7jocdcev5ac/citation.ris",
    );
  });
});
