/**
 * The `<pq-search>` widget on the demo partner page (examples/partner.html, strict CSP), served
 * from a second origin, talking to the Worker under wrangler dev: what it lists and how the
 * keyboard moves through it. (Slow, failing and absent services: embed-widget-states.test.ts.)
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SearchResponse } from "../../src/schema/search";
import { launchChromium } from "./chromium";
import {
  focusedInWidget,
  input,
  openPartnerPage,
  options,
  searchFor,
  statusText,
  widgetEvents,
  widgetViolations,
} from "./partner-page";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const LIMIT = 6; // examples/partner.html sets limit="6"

async function apiSearch(query: string): Promise<SearchResponse> {
  const response = await fetch(`${inject("baseUrl")}/v1/search?q=${encodeURIComponent(query)}&limit=${LIMIT}`);
  return (await response.json()) as SearchResponse;
}

const activeDescendant = (page: Parameters<typeof input>[0]) => input(page).getAttribute("aria-activedescendant");

describe("<pq-search> on a partner's page", () => {
  it("lists the service's results for what the visitor types, under the partner's strict CSP", async () => {
    const { page, consoleErrors, cspViolations, origins } = await openPartnerPage(browser);
    await searchFor(page, "genocide");
    const api = await apiSearch("genocide");
    await expect.poll(() => options(page).count()).toBe(api.hits.length);
    const first = options(page).first();
    expect(await first.textContent()).toContain("Steve McCabe (Labour)");
    expect(await first.locator("mark").first().textContent()).toBe("genocide");
    expect(await first.getAttribute("href")).toBe(`${inject("baseUrl")}/records/${api.hits[0]?.id}`);
    expect(await statusText(page)).toBe(api.total === 1 ? "1 result" : `${api.total} results`);
    const events = await widgetEvents(page);
    expect(events.at(-1)).toMatchObject({ name: "pq-search:results", detail: { query: "genocide", total: api.total } });
    expect([...origins].sort()).toEqual([inject("baseUrl"), inject("partnerUrl")].sort());
    expect(await page.evaluate<string>("document.cookie")).toBe("");
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("moves through results with the arrow keys, keeping focus in the input, and opens one with Enter", async () => {
    const { page, consoleErrors, cspViolations } = await openPartnerPage(browser);
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
    expect(await focusedInWidget(page)).toMatch(/^INPUT combobox/);
    const href = await options(page).first().getAttribute("href");
    await Promise.all([page.waitForURL(href ?? ""), page.keyboard.press("Enter")]);
    expect(page.url()).toMatch(new RegExp(`^${inject("baseUrl")}/records/[a-z0-9]+$`));
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("lets a pq-search:select listener keep the visitor on the page", async () => {
    const { page } = await openPartnerPage(browser);
    await page.evaluate('document.addEventListener("pq-search:select", (event) => event.preventDefault())');
    await searchFor(page, "iran");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const selected = (await widgetEvents(page)).find((event) => event.name === "pq-search:select");
    expect(await options(page).first().getAttribute("href")).toContain(`/records/${selected?.detail.id}`);
    expect(page.url()).toBe(`${inject("partnerUrl")}/`);
    await page.close();
  });

  it("closes the list on Escape, keeps the words typed and the focus, and clears them on a second Escape", async () => {
    const { page, consoleErrors } = await openPartnerPage(browser);
    await searchFor(page, "iran");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    expect(await input(page).getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("pq-search [role=listbox]").isHidden()).toBe(true);
    expect(await activeDescendant(page)).toBeNull();
    expect(await input(page).inputValue()).toBe("iran");
    expect(await focusedInWidget(page)).toMatch(/^INPUT/);
    await page.keyboard.press("ArrowDown");
    expect(await input(page).getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await input(page).inputValue()).toBe("");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("does not bring back the old results with ↓ once a second Escape has cleared the box", async () => {
    const { page } = await openPartnerPage(browser);
    await searchFor(page, "iran");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowDown");
    expect(await input(page).getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("pq-search [role=listbox]").isHidden()).toBe(true);
    expect(await options(page).count()).toBe(0);
    expect(await statusText(page)).toBe("");
    await page.close();
  });

  it("moves on with Tab while the list is open, never onto the scrolling list itself", async () => {
    const { page } = await openPartnerPage(browser);
    await searchFor(page, "iran");
    // The list overflows and scrolls: the case in which Chromium makes a container focusable.
    const overflows = await page.evaluate<boolean>(
      `(() => { const list = document.querySelector("pq-search").shadowRoot.querySelector("[role=listbox]");
        return list.scrollHeight > list.clientHeight; })()`,
    );
    expect(overflows).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focusedInWidget(page)).toBe("BUTTON  submit");
    expect(await input(page).getAttribute("aria-expanded")).toBe("false");
    await page.close();
  });

  it("opens the service's results page on Enter with no result chosen, and from its Search button", async () => {
    const { page } = await openPartnerPage(browser);
    await searchFor(page, "iran");
    await Promise.all([page.waitForURL(`${inject("baseUrl")}/?q=iran`), page.keyboard.press("Enter")]);
    expect(await page.locator("#results-title").textContent()).toMatch(/questions match “iran”/);
    await page.goBack();
    await input(page).waitFor();
    await input(page).fill("genocide");
    await Promise.all([
      page.waitForURL(`${inject("baseUrl")}/?q=genocide`),
      page.locator("pq-search [part=submit]").click(),
    ]);
    await page.close();
  });

  it("announces exactly what it lists, shows the count, and reaches the rest through 'See all N results'", async () => {
    const { page } = await openPartnerPage(browser);
    await searchFor(page, "iran");
    const api = await apiSearch("iran");
    expect(api.total).toBeGreaterThan(LIMIT);
    const said = `${LIMIT} of ${api.total} results`;
    await expect.poll(() => statusText(page)).toBe(said);
    expect(await page.locator("pq-search [part=count]").textContent()).toBe(said);
    expect(await page.locator("pq-search [part=count]").isVisible()).toBe(true);
    // Every result announced is listed, plus one way to all the others.
    expect(await options(page).count()).toBe(LIMIT + 1);
    const all = options(page).last();
    expect(await all.textContent()).toBe(`See all ${api.total} results`);
    expect(await all.getAttribute("href")).toBe(`${inject("baseUrl")}/?q=iran`);
    await page.keyboard.press("ArrowUp");
    expect(await activeDescendant(page)).toBe(`pq-option-${LIMIT}`);
    await page.close();
  });

  it("names each result briefly, by what it asks and its date in UK style", async () => {
    const { page } = await openPartnerPage(browser);
    await searchFor(page, "iran");
    // No aria-label: the name is the option's visible text, so what is heard is what is seen.
    const names = await options(page).evaluateAll((nodes) =>
      nodes
        .filter((node) => !node.classList.contains("all") && !node.hasAttribute("aria-label"))
        .map((node) => node.textContent ?? ""),
    );
    expect(names).toHaveLength(LIMIT);
    for (const name of names) {
      expect(name.split(/\s+/).length).toBeLessThanOrEqual(30);
      expect(name).not.toMatch(/^To ask/);
      expect(name).toMatch(
        /(\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|Awaiting answer) · [A-Z]/,
      );
    }
    const dates = await page.locator("pq-search [part=date]").allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    await page.close();
  });

  it("has no serious or critical accessibility violations, closed, open, and with a result chosen", async () => {
    const { page } = await openPartnerPage(browser);
    expect(await widgetViolations(page)).toEqual([]);
    await searchFor(page, "iran");
    expect(await widgetViolations(page)).toEqual([]);
    await page.keyboard.press("ArrowDown");
    expect(await widgetViolations(page)).toEqual([]);
    await input(page).fill("zzzqqqxx");
    await expect.poll(() => statusText(page)).toBe("No results");
    expect(await widgetViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows markup inside a record as text, inside a mark or not, and an answer without ranges unmarked", async () => {
    const { page, consoleErrors, cspViolations } = await openPartnerPage(browser, (page) =>
      // A hostile answer, made up here so no such record enters the real seeds.
      page.route(`${inject("baseUrl")}/v1/search*`, (route) =>
        route.fulfill({ json: HOSTILE, headers: { "Access-Control-Allow-Origin": "*" } }),
      ),
    );
    await searchFor(page, "iran");
    const text = await options(page).first().textContent();
    expect(text).toContain(HOSTILE_QUESTION);
    expect(text).toContain("<img src=x onerror=window.__pqOwned=1>");
    expect(await page.locator("pq-search img").count()).toBe(0);
    expect(await options(page).first().locator("mark").allTextContents()).toEqual(["iran", "<img sr"]);
    expect(await options(page).nth(1).textContent()).toContain("<b>iran</b> from an older deployment");
    expect(await options(page).nth(1).locator("mark").count()).toBe(0);
    expect(await page.evaluate<unknown>("window.__pqOwned")).toBeUndefined();
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

const HOSTILE_QUESTION = '<img src=x onerror=window.__pqOwned=3> iran <img src=x onerror="window.__pqOwned=4">';
const HOSTILE = {
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
      marked: {
        questionText: {
          text: HOSTILE_QUESTION,
          marks: [
            [39, 43],
            [44, 51],
          ],
        },
        answerText: null,
      },
    },
    {
      id: "olderapi0001",
      house: "Commons",
      askingMember: { name: "Someone", party: null, memberFrom: null },
      answered: false,
      dateAnswered: null,
      questionText: "<b>iran</b> from an older deployment",
      highlights: {
        questionText: "&lt;b&gt;<mark>iran</mark>&lt;/b&gt; from an older deployment",
        answerText: null,
      },
    },
  ],
};

describe("the /embed iframe on a partner's page", () => {
  it("shows results inside the partner's frame without breaking its CSP", async () => {
    const { page, consoleErrors, cspViolations } = await openPartnerPage(browser);
    const frame = page.frameLocator("iframe");
    await frame.locator("li").first().waitFor();
    expect(await frame.locator("li").first().textContent()).toContain("Steve McCabe (Labour)");
    expect(await frame.locator("li mark").first().textContent()).toBe("genocide");
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
