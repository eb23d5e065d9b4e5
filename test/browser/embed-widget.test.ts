/**
 * The `<pq-search>` widget on the demo partner page (examples/partner.html, strict CSP), served
 * from a second origin, talking to the Worker under wrangler dev.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SearchResponse } from "../../src/schema/search";
import { launchChromium, type WatchedPage, watchedPage } from "./chromium";

const AXE = readFileSync(resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const input = (page: Page) => page.locator("pq-search input");
const options = (page: Page) => page.locator("pq-search [role=option]");

/** The partner page, with every request's origin noted and the widget's events collected in `__pqEvents`. */
async function openPartnerPage(): Promise<WatchedPage & { origins: Set<string> }> {
  const watched = await watchedPage(browser);
  const origins = new Set<string>();
  watched.page.on("request", (request) => origins.add(new URL(request.url()).origin));
  await watched.page.addInitScript({
    content: `window.__pqEvents = [];
      for (const name of ["pq-search:results", "pq-search:select"]) {
        document.addEventListener(name, (event) => window.__pqEvents.push({ name, detail: event.detail }));
      }`,
  });
  await watched.page.goto(inject("partnerUrl"));
  // The input exists once the element is defined (waitForFunction would need eval, which the CSP forbids).
  await input(watched.page).waitFor();
  return { ...watched, origins };
}

async function searchFor(page: Page, query: string): Promise<void> {
  await input(page).click();
  await input(page).pressSequentially(query);
  // The answer to the whole query, not to a prefix: on a busy machine keys come slower than the
  // debounce, the widget also searches "ir" and "ira", and their options can show first.
  const answered = `window.__pqEvents.some((e) => e.name === "pq-search:results" && e.detail.query === ${JSON.stringify(query)})`;
  // As long as Playwright's own waits (expect.poll's default, 1 s, is less than a busy machine takes).
  await expect.poll(() => page.evaluate<boolean>(answered), { timeout: 30_000 }).toBe(true);
  await options(page).first().waitFor();
}

async function activeDescendant(page: Page): Promise<string | null> {
  return input(page).getAttribute("aria-activedescendant");
}

describe("<pq-search> on a partner's page", () => {
  it("lists the service's results for what the visitor types, under the partner's strict CSP", async () => {
    const { page, consoleErrors, cspViolations, origins } = await openPartnerPage();
    await searchFor(page, "genocide");
    const response = await fetch(`${inject("baseUrl")}/v1/search?q=genocide&limit=6`);
    const api = (await response.json()) as SearchResponse;
    await expect.poll(() => options(page).count()).toBe(api.hits.length);
    const first = options(page).first();
    expect(await first.textContent()).toContain("Steve McCabe (Labour)");
    expect(await first.locator("mark").first().textContent()).toBe("genocide");
    expect(await first.getAttribute("href")).toBe(`${inject("baseUrl")}/records/${api.hits[0]?.id}`);
    expect(await page.locator("pq-search [role=status]").textContent()).toBe(
      api.total === 1 ? "1 result" : `${api.total} results`,
    );
    const events =
      await page.evaluate<Array<{ name: string; detail: { query: string; total: number } }>>("window.__pqEvents");
    expect(events.at(-1)).toMatchObject({ name: "pq-search:results", detail: { query: "genocide", total: api.total } });
    expect([...origins].sort()).toEqual([inject("baseUrl"), inject("partnerUrl")].sort());
    expect(await page.evaluate<string>("document.cookie")).toBe("");
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("moves through results with the arrow keys, keeping focus in the input, and opens one with Enter", async () => {
    const { page, consoleErrors, cspViolations } = await openPartnerPage();
    // The record pages are another engineer's work; stand in for them so the navigation can land.
    await page.route(`${inject("baseUrl")}/records/*`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>record</title>" }),
    );
    await searchFor(page, "iran");
    expect(await input(page).getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowDown");
    expect(await activeDescendant(page)).toBe("pq-option-0");
    await page.keyboard.press("ArrowDown");
    expect(await activeDescendant(page)).toBe("pq-option-1");
    expect(await options(page).nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await options(page).nth(0).getAttribute("aria-selected")).toBe("false");
    await page.keyboard.press("ArrowUp");
    expect(await activeDescendant(page)).toBe("pq-option-0");
    expect(await page.evaluate<string>("document.activeElement.shadowRoot.activeElement.tagName")).toBe("INPUT");
    const href = await options(page).first().getAttribute("href");
    await Promise.all([page.waitForURL(href ?? ""), page.keyboard.press("Enter")]);
    expect(page.url()).toMatch(new RegExp(`^${inject("baseUrl")}/records/[a-z0-9]+$`));
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("lets a pq-search:select listener keep the visitor on the page", async () => {
    const { page } = await openPartnerPage();
    await page.evaluate('document.addEventListener("pq-search:select", (event) => event.preventDefault())');
    await searchFor(page, "iran");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const events = await page.evaluate<Array<{ name: string; detail: { id: string } }>>("window.__pqEvents");
    const selected = events.find((event) => event.name === "pq-search:select");
    expect(await options(page).first().getAttribute("href")).toContain(`/records/${selected?.detail.id}`);
    expect(page.url()).toBe(`${inject("partnerUrl")}/`);
    await page.close();
  });

  it("closes the list on Escape, keeps the words typed and the focus, and clears them on a second Escape", async () => {
    const { page, consoleErrors } = await openPartnerPage();
    await searchFor(page, "iran");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    expect(await input(page).getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("pq-search [role=listbox]").isHidden()).toBe(true);
    expect(await activeDescendant(page)).toBeNull();
    expect(await input(page).inputValue()).toBe("iran");
    expect(await page.evaluate<string>("document.activeElement.shadowRoot.activeElement.tagName")).toBe("INPUT");
    await page.keyboard.press("ArrowDown");
    expect(await input(page).getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await input(page).inputValue()).toBe("");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("has no serious or critical accessibility violations, open or closed", async () => {
    const { page } = await openPartnerPage();
    await page.evaluate(AXE);
    const scan = () =>
      page.evaluate<Array<{ id: string; impact: string; help: string }>>(
        `axe.run(document.querySelector("pq-search")).then((result) =>
          result.violations.map(({ id, impact, help }) => ({ id, impact, help })))`,
      );
    const serious = (violations: Array<{ impact: string }>) =>
      violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious(await scan())).toEqual([]);
    await searchFor(page, "iran");
    await page.keyboard.press("ArrowDown");
    expect(serious(await scan())).toEqual([]);
    await page.close();
  });

  it("shows markup inside a record as text, whether or not the API escaped it", async () => {
    const { page, consoleErrors, cspViolations } = await openPartnerPage();
    // A hostile answer, made up here so no such record enters the real seeds.
    const hostile = {
      total: 1,
      limit: 6,
      offset: 0,
      facets: {},
      hits: [
        {
          id: "hostile00001",
          house: "Commons",
          askingMember: { name: "<img src=x onerror=window.__pqOwned=1>", party: null, memberFrom: null },
          answered: true,
          dateAnswered: "2024-01-05",
          questionText: "<img src=x onerror=window.__pqOwned=2>",
          highlights: {
            questionText:
              '&lt;img src=x onerror=window.__pqOwned=3&gt; <mark>iran</mark> <img src=x onerror="window.__pqOwned=4">',
            answerText: null,
          },
        },
      ],
    };
    await page.route(`${inject("baseUrl")}/v1/search*`, (route) =>
      route.fulfill({ json: hostile, headers: { "Access-Control-Allow-Origin": "*" } }),
    );
    await searchFor(page, "iran");
    const text = await options(page).first().textContent();
    expect(text).toContain('<img src=x onerror=window.__pqOwned=3> iran <img src=x onerror="window.__pqOwned=4">');
    expect(text).toContain("<img src=x onerror=window.__pqOwned=1>");
    expect(await page.locator("pq-search img").count()).toBe(0);
    expect(await options(page).first().locator("mark").allTextContents()).toEqual(["iran"]);
    expect(await page.evaluate<unknown>("window.__pqOwned")).toBeUndefined();
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("the /embed iframe on a partner's page", () => {
  it("shows results inside the partner's frame without breaking its CSP", async () => {
    const { page, consoleErrors, cspViolations } = await openPartnerPage();
    const frame = page.frameLocator("iframe");
    await frame.locator("li").first().waitFor();
    expect(await frame.locator("li").first().textContent()).toContain("Steve McCabe (Labour)");
    expect(await frame.locator("li mark").first().textContent()).toBe("genocide");
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
