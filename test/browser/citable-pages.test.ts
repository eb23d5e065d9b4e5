/**
 * Journeys through the public pages that the server's HTML alone cannot show: going back from a
 * record to the results it came from, searching a date range from the form, printing a record,
 * and the site's identity (icon, about page) as a browser loads it.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, type WatchedPage, watchedPage } from "./chromium";

let browser: Browser;
const opened: WatchedPage[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ page }) => page.close()));
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

describe("record pages in Chromium", () => {
  it("lead back to the results they were opened from", async () => {
    const watched = await open("/?q=iran&house=Lords");
    const { page } = watched;
    const results = page.url();
    await page.locator(".results h3 a").first().click();
    await page.waitForURL(/\/records\//);
    const back = page.getByRole("link", { name: "← Back to results" });
    expect(await back.getAttribute("href")).toBe(results);
    await back.click();
    await page.waitForURL(results);
    expect(await page.locator("#results-title").textContent()).toMatch(/match “iran”/);
    expectClean(watched);
  });

  it("lead to the search page when opened from elsewhere", async () => {
    const watched = await open("/records/c7jocdcev5ac");
    expect(await watched.page.locator("a[data-back-to-results]").textContent()).toBe("← Search all questions");
    expect(await watched.page.locator("a[data-back-to-results]").getAttribute("href")).toBe("/");
    expectClean(watched);
  });

  it("print their permanent link once, with no build details", async () => {
    const watched = await open("/records/c7jocdcev5ac");
    const { page } = watched;
    await page.emulateMedia({ media: "print" });
    const permanent = url("/records/c7jocdcev5ac");
    // The printed text: what is rendered, plus what print CSS adds after links.
    const printed = await page.evaluate<string>(`(() => {
      const added = [...document.querySelectorAll("a")].map((a) => getComputedStyle(a, "::after").content)
        .filter((content) => content && content !== "none" && content !== "normal").join(" ");
      return document.body.innerText + " " + added;
    })()`);
    expect(printed.split(permanent).length - 1).toBe(1);
    expect(printed).not.toContain("seeds/000_");
    expect(await page.locator(".provenance").isVisible()).toBe(false);
    expectClean(watched);
  });
});

describe("the search form in Chromium", () => {
  it("searches the dates answered from its date boxes, keeping the URL to what was chosen", async () => {
    const watched = await open("/?q=iran");
    const { page } = watched;
    await page.getByText("Dates and order").click();
    await page.getByLabel("From").fill("2021-09-16");
    await page.getByLabel("To").fill("2021-09-21");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/\?q=iran&from=2021-09-16&to=2021-09-21$/);
    const chips = await page.getByRole("list", { name: "Filters in use" }).textContent();
    expect(chips).toContain("Answered from 16 September 2021");
    expect(chips).toContain("Answered up to 21 September 2021");
    expect(await page.getByLabel("From").inputValue()).toBe("2021-09-16");
    expectClean(watched);
  });
});

describe("the site's identity in Chromium", () => {
  it("shows its icon and names the collection in the header, linking to the about page", async () => {
    const watched = await watchedPage(browser);
    opened.push(watched);
    const { page } = watched;
    const icons: number[] = [];
    page.on("response", (response) => {
      if (/\/favicon\.(svg|ico)$/.test(response.url())) icons.push(response.status());
    });
    await page.goto(url("/"), { waitUntil: "networkidle" });
    expect(icons.length).toBeGreaterThan(0);
    expect(icons.every((status) => status === 200)).toBe(true);
    expect(await page.locator("header .brand").textContent()).toBe("Parliamentary questions on Iran’s 1988 massacre");
    await page.getByRole("navigation", { name: "Site", exact: true }).getByRole("link", { name: "About" }).click();
    await page.waitForURL(/\/about$/);
    expect(await page.locator("h1").textContent()).toBe("About this collection");
    expect(await page.getByRole("link", { name: "Open Parliament Licence v3.0" }).count()).toBe(2);
    expectClean(watched);
  });
});
