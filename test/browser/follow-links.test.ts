/**
 * What a reader sees on a results page beyond the results, in Chromium: a visible "Follow this
 * search" that leads to the search's Atom feed, and "Download these results" that downloads every
 * match as a CSV, with and without JavaScript.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { atomProblems, readFeed } from "../support/atom-feed-checks";
import { csvRecords } from "../support/read-csv";
import { launchChromium, type WatchedPage, watchedPage } from "./chromium";

let browser: Browser;
const opened: Page[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});
afterAll(() => browser?.close());

const url = (path: string) => `${inject("baseUrl")}${path}`;
const SEARCH = "/?q=iran&house=Commons";

async function open(path: string): Promise<WatchedPage> {
  const watched = await watchedPage(browser);
  opened.push(watched.page);
  await watched.page.goto(url(path));
  return watched;
}

/** How many matches the page says it found. */
async function totalShown(page: Page): Promise<number> {
  const status = (await page.locator("#results-title").textContent()) ?? "";
  return Number(status.match(/(\d+) questions? match/)?.[1]);
}

async function followAndDownload(page: Page) {
  const follow = page.getByRole("link", { name: "Follow this search" });
  const download = page.getByRole("link", { name: "Download these results" });
  expect(await follow.isVisible()).toBe(true);
  expect(await download.isVisible()).toBe(true);
  const total = await totalShown(page);
  expect(total).toBeGreaterThan(10);

  const [saved] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(saved.suggestedFilename()).toBe("pqsearch-export.csv");
  // TextDecoder reads the byte-order mark as the encoding's, as a spreadsheet does.
  const rows = csvRecords(new TextDecoder().decode(readFileSync((await saved.path()) as string)));
  expect(rows).toHaveLength(total);
  expect(rows.every((row) => row.get("house") === "Commons")).toBe(true);

  const feedUrl = new URL((await follow.getAttribute("href")) as string, page.url()).href;
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url() === feedUrl),
    follow.click().catch(() => {}),
  ]);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await answer.text();
  expect(atomProblems(xml)).toEqual([]);
  const feed = readFeed(xml);
  expect(feed.items.length).toBe(Math.min(total, 50));
  expect(feed.url).toBe(url(SEARCH));
}

describe("a results page in Chromium", () => {
  it("shows Follow this search and Download these results, and both work", async () => {
    const watched = await open(SEARCH);
    const feedLink = watched.page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await feedLink.getAttribute("href")).toBe(url("/feed.atom?q=iran&house=Commons"));
    await followAndDownload(watched.page);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });

  it("offers the same links without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await page.goto(url(SEARCH));
      await followAndDownload(page);
    } finally {
      await context.close();
    }
  });
});
