/**
 * The public pages in real Chromium against `wrangler dev`: the journeys people take (search,
 * filter, page, open a record) with mouse and with keyboard only, accessibility (axe-core),
 * the CSP, narrow and print layouts, dark mode and weight. (Screenshots: npm run screenshots.)
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, type WatchedPage, watchedPage } from "./chromium";

const ROOT = resolve(import.meta.dirname, "../..");
const AXE_SOURCE = readFileSync(resolve(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

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

async function open(path: string, viewport = DESKTOP): Promise<WatchedPage> {
  const watched = await watchedPage(browser, viewport);
  opened.push(watched);
  const response = await watched.page.goto(url(path));
  expect(response?.status()).toBeLessThan(500);
  return watched;
}

/** Every page must load without a console error or a CSP violation. */
function expectClean({ consoleErrors, cspViolations }: WatchedPage) {
  expect(consoleErrors).toEqual([]);
  expect(cspViolations).toEqual([]);
}

/** axe-core's serious and critical violations, as "rule: n nodes" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) })))`,
  )) as Array<{ id: string; impact: string; nodes: string[] }>;
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.join(", ")}`);
}

const resultsHeading = (page: Page) => page.locator("#results-title").textContent();

describe("the search page in Chromium", () => {
  it("searches from the form and shows marked matches", async () => {
    const watched = await open("/");
    const { page } = watched;
    await page.getByLabel("Search questions and answers").fill("genocide");
    await page.getByRole("button", { name: "Search" }).click();
    // Blank date boxes and the default order stay out of the URL.
    await page.waitForURL(/\/\?q=genocide$/);
    expect(await resultsHeading(page)).toBe("1 question matches “genocide”");
    expect(await page.locator(".results mark").first().textContent()).toBe("genocide");
    expectClean(watched);
  });

  it("follows a facet link and then removes the filter again", async () => {
    const watched = await open("/?q=iran");
    const { page } = watched;
    await page
      .locator("#filters")
      .getByRole("link", { name: /^Labour/ })
      .click();
    await page.waitForURL(/party=Labour/);
    expect(await resultsHeading(page)).toMatch(/^2 questions match “iran”$/);
    for (const meta of await page.locator(".results .meta").allTextContents()) expect(meta).toContain("Labour");
    await page.getByRole("list", { name: "Filters in use" }).getByRole("link").click();
    await page.waitForURL(/\?q=iran$/);
    expectClean(watched);
  });

  it("pages forward and back through the results", async () => {
    const watched = await open("/");
    const { page } = watched;
    expect(await page.locator(".results > li").count()).toBe(10);
    await page.getByRole("link", { name: /Next page/ }).click();
    await page.waitForURL(/offset=10/);
    expect(await page.locator(".pages").textContent()).toContain("Page 2 of 2");
    expect(await page.locator(".results > li").count()).toBe(8);
    await page.getByRole("link", { name: /Previous page/ }).click();
    await page.waitForURL((current) => !current.search.includes("offset"));
    expect(await page.locator(".pages").textContent()).toContain("Page 1 of 2");
    expectClean(watched);
  });

  it("opens a record from the results, then its JSON", async () => {
    const watched = await open("/?q=genocide");
    const { page } = watched;
    await page.locator(".results h3 a").first().click();
    await page.waitForURL(/\/records\/[A-Za-z0-9_-]+$/);
    expect(await page.locator("h1").textContent()).toMatch(
      /^What assessment she has made of whether the 1988 massacre/,
    );
    expect(await page.locator("link[rel=canonical]").getAttribute("href")).toBe(page.url());
    const [json] = await Promise.all([
      page.waitForResponse(/\/v1\/records\//),
      page.getByRole("link", { name: "This record as JSON" }).click(),
    ]);
    expect(json.status()).toBe(200);
    expect((await json.json()).askingMember.name).toBe("Steve McCabe");
    expectClean(watched);
  });

  it("can be used with the keyboard alone, with focus always visible", async () => {
    const watched = await open("/");
    const { page } = watched;
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    // Past the header: the skip link leads into the main content, whose first control is the disclosure.
    const focusedInMain = await page.evaluate("document.activeElement.closest('main') !== null");
    expect(focusedInMain).toBe(true);
    await page.locator("#q").focus();
    await page.keyboard.type("iran");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=iran/);
    let onRecordLink = false;
    for (let presses = 0; presses < 15 && !onRecordLink; presses++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
      expect(outline).not.toBe("none");
      onRecordLink = (await page.evaluate(
        "document.activeElement.getAttribute('href')?.startsWith('/records/') ?? false",
      )) as boolean;
    }
    expect(onRecordLink).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/records\//);
    expectClean(watched);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    // Eleven pages, each loaded and scanned: minutes on a busy shared machine.
    it(`has no serious or critical axe-core violations on any kind of page, in ${colorScheme}`, {
      timeout: 240_000,
    }, async () => {
      for (const [path, viewport] of [
        ["/", DESKTOP],
        ["/?q=iran&house=Commons", DESKTOP],
        ["/?q=iran&from=2021-09-16&to=2021-09-21", PHONE],
        ["/?q=iran", PHONE],
        ["/?q=nothingmatchesthis", DESKTOP],
        ["/?sort=sideways", DESKTOP],
        ["/records/c7jocdcev5ac", DESKTOP],
        ["/records/c7jocdcev5ac", PHONE],
        ["/about", DESKTOP],
        ["/embed?q=iran", PHONE],
        ["/records/unknown-id", PHONE],
      ] as const) {
        const watched = await open(path, viewport);
        await watched.page.emulateMedia({ colorScheme });
        // Every disclosure open, so what it hides is checked too.
        await watched.page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);
        const found = { path, colorScheme, violations: await seriousViolations(watched.page) };
        expect(found).toEqual({ path, colorScheme, violations: [] });
        // Chromium logs a 4xx page's own status as a console error; nothing else may appear.
        if (path.startsWith("/records/unknown") || path.includes("sideways")) {
          expect(watched.consoleErrors).toEqual([expect.stringMatching(/status of 40[04]/)]);
          expect(watched.cspViolations).toEqual([]);
        } else expectClean(watched);
      }
    });
  }

  it("follows the visitor's dark colour scheme", async () => {
    const { page } = await open("/?q=iran");
    const background = () => page.evaluate<string>("getComputedStyle(document.body).backgroundColor");
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).toBe("rgb(21, 24, 28)");
    expect(await page.evaluate<string>("getComputedStyle(document.body).color")).toBe("rgb(233, 236, 239)");
  });

  it("fits a 320 px screen without sideways scrolling", async () => {
    for (const path of ["/?q=iran", "/records/c7jocdcev5ac"]) {
      const watched = await open(path, { width: 320, height: 640 });
      expect(await watched.page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
      expectClean(watched);
    }
  });

  it("prints the results without the search form, filters or pagination", async () => {
    const { page } = await open("/?q=iran");
    await page.emulateMedia({ media: "print" });
    for (const selector of ["form.search", "#filters", ".pages"]) {
      expect(await page.locator(selector).isVisible()).toBe(false);
    }
    expect(await page.locator(".results").isVisible()).toBe(true);
  });

  it("stays under 30 KB gzip for a page with its stylesheet, script and icon", async () => {
    // Headless Chromium fetches the icon only sometimes: count the larger of its two forms anyway.
    const icon = Math.max(
      ...(await Promise.all(
        ["/favicon.ico", "/favicon.svg"].map(
          async (path) => gzipSync(Buffer.from(await (await fetch(url(path))).arrayBuffer())).length,
        ),
      )),
    );
    for (const path of ["/?q=iran", "/", "/records/c7jocdcev5ac", "/about"]) {
      const watched = await watchedPage(browser, DESKTOP);
      opened.push(watched);
      const bodies = new Map<string, Promise<Buffer>>();
      watched.page.on("response", (response) => {
        if (!/\/favicon\./.test(response.url()))
          bodies.set(
            response.url(),
            response.body().catch(() => Buffer.alloc(0)),
          );
      });
      await watched.page.goto(url(path), { waitUntil: "networkidle" });
      const files = await Promise.all(bodies.values());
      const gzipped = icon + files.reduce((sum, body) => sum + gzipSync(body, { level: 6 }).length, 0);
      // The document, its stylesheet and its script.
      expect(files.length).toBe(3);
      expect(gzipped).toBeGreaterThan(2_000);
      expect({ path, underBudget: gzipped < 30 * 1024 }).toEqual({ path, underBudget: true });
    }
  });

  it("loads nothing from other origins", async () => {
    const watched = await watchedPage(browser, DESKTOP);
    opened.push(watched);
    const origins = new Set<string>();
    watched.page.on("request", (request) => {
      origins.add(new URL(request.url()).origin);
    });
    await watched.page.goto(url("/records/c7jocdcev5ac"), { waitUntil: "networkidle" });
    expect([...origins]).toEqual([new URL(inject("baseUrl")).origin]);
  });
});

describe("search-as-you-type", () => {
  it("offers completions from the Worker's /v1/suggest as you type", async () => {
    const watched = await open("/");
    const { page } = watched;
    await page.locator("#q").pressSequentially("inqu");
    await expect.poll(() => page.locator("#q-suggestions option").count()).toBeGreaterThan(0);
    const options = await page
      .locator("#q-suggestions option")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("value")));
    expect(options).toContain("inquiry");
    expect(await page.locator("#q").getAttribute("list")).toBe("q-suggestions");
    expectClean(watched);
  });

  it("shows hostile completions as text, never as markup", async () => {
    const watched = await watchedPage(browser, DESKTOP);
    opened.push(watched);
    const { page } = watched;
    await page.route(/\/v1\/suggest\?q=inq/, (route) =>
      route.fulfill({ json: { suggestions: [{ text: "inquiry" }, "inquest", "<b>x</b>"] } }),
    );
    await page.goto(url("/"));
    await page.locator("#q").pressSequentially("inq");
    await expect.poll(() => page.locator("#q-suggestions option").count()).toBe(3);
    const options = await page
      .locator("#q-suggestions option")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("value")));
    expect(options).toEqual(["inquiry", "inquest", "<b>x</b>"]);
    expect(await page.locator("#q").getAttribute("list")).toBe("q-suggestions");
    expectClean(watched);
  });
});
