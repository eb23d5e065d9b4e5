/**
 * The `<pq-search>` widget when the service is slow, limits the visitor, fails, drops the
 * connection, cannot be reached, or the browser runs no JavaScript: each case says something
 * different, retries where it can, and a plain form stands in when the widget cannot load.
 */
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./chromium";
import {
  input,
  message,
  openPartnerPage,
  openPartnerPageWith,
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

const SEARCH = `${inject("baseUrl")}/v1/search*`;
const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After" };
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Lets the request through to the real service after `ms`. */
async function slowly(route: Route, ms: number): Promise<void> {
  await sleep(ms);
  await route.continue().catch(() => {});
}

/** Search requests as the browser sees them: how many were sent and the most in flight at once. */
function watchSearches(page: Page) {
  const seen = { sent: 0, inFlight: 0, mostInFlight: 0, queries: [] as string[] };
  const isSearch = (url: string) => url.includes("/v1/search?");
  page.on("request", (request) => {
    if (!isSearch(request.url())) return;
    seen.sent++;
    seen.queries.push(new URL(request.url()).searchParams.get("q") ?? "");
    seen.mostInFlight = Math.max(seen.mostInFlight, ++seen.inFlight);
  });
  const done = (request: { url(): string }) => {
    if (isSearch(request.url())) seen.inFlight--;
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return seen;
}

describe("<pq-search> when the service is slow", () => {
  it("shows that it is searching while a slow answer is on its way", async () => {
    const { page, consoleErrors } = await openPartnerPage(browser, (page) =>
      page.route(SEARCH, (route) => slowly(route, 5000)),
    );
    await input(page).click();
    await input(page).fill("iran"); // one input event, so one search however slowly the machine types
    await expect.poll(() => message(page).textContent(), { timeout: 4000 }).toContain("Searching…");
    expect(await message(page).isVisible()).toBe(true);
    expect(await statusText(page)).toBe("Searching…");
    expect(await widgetViolations(page)).toEqual([]);
    await options(page).first().waitFor();
    expect(await message(page).isHidden()).toBe(true);
    expect(await statusText(page)).toMatch(/^6 of \d+ results$/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("sends one request at a time while the visitor types, and never shows an answer to words since changed", async () => {
    // Answers far slower than a key: even a busy machine's typing fits several keys into one wait.
    const { page } = await openPartnerPage(browser, (page) => page.route(SEARCH, (route) => slowly(route, 3000)));
    const seen = watchSearches(page);
    await input(page).click();
    // Slower than the widget's 150 ms pause per key: the way a slow machine types.
    await input(page).pressSequentially("genocide", { delay: 250 });
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toBe("1 result");
    await sleep(1000);
    expect(seen.mostInFlight).toBe(1);
    // One per pause while an answer was out, not one per key (7 keys past the 2-letter minimum).
    expect(seen.sent).toBeLessThanOrEqual(4);
    expect(seen.queries.at(-1)).toBe("genocide");
    const shown = (await widgetEvents(page)).filter((event) => event.name === "pq-search:results");
    expect(shown.map((event) => event.detail.query)).toEqual(["genocide"]);
    expect(await options(page).count()).toBe(1);
    await page.close();
  });
});

describe("<pq-search> when the service refuses or fails", () => {
  it("waits as long as a 429's Retry-After says, says so, then tries again by itself", async () => {
    const calledAt: number[] = [];
    const { page } = await openPartnerPage(browser, (page) =>
      page.route(SEARCH, (route) => {
        calledAt.push(Date.now());
        if (calledAt.length > 1) return route.continue();
        return route.fulfill({
          status: 429,
          headers: { ...CORS, "Retry-After": "2", "Content-Type": "application/problem+json" },
          body: JSON.stringify({ type: "urn:pqsearch:problem:rate-limited", title: "Too Many Requests", status: 429 }),
        });
      }),
    );
    await input(page).click();
    await input(page).fill("iran"); // one input event, so one search however slowly the machine types
    await expect.poll(() => message(page).textContent()).toContain("trying again in 2 seconds");
    expect(await page.locator("pq-search [part=retry]").isHidden()).toBe(true);
    // The countdown may have ticked once on a busy machine.
    await expect
      .poll(() => statusText(page))
      .toMatch(/^Too many searches for now; trying again in (2 seconds|1 second)$/);
    expect(await widgetViolations(page)).toEqual([]);
    await options(page).first().waitFor({ timeout: 10_000 });
    expect(calledAt).toHaveLength(2);
    expect((calledAt[1] ?? 0) - (calledAt[0] ?? 0)).toBeGreaterThanOrEqual(1900);
    expect(await message(page).isHidden()).toBe(true);
    await page.close();
  });

  it("says the service failed, apart from other failures, and searches again on Retry", async () => {
    let failing = true;
    const { page } = await openPartnerPage(browser, (page) =>
      page.route(SEARCH, (route) =>
        failing
          ? route.fulfill({ status: 500, headers: CORS, contentType: "application/problem+json", body: "{}" })
          : route.continue(),
      ),
    );
    await input(page).click();
    await input(page).fill("iran"); // one input event, so one search however slowly the machine types
    await expect.poll(() => message(page).textContent()).toContain("Search is unavailable, please try again");
    const retry = page.locator("pq-search [part=retry]");
    expect(await retry.isVisible()).toBe(true);
    expect(await widgetViolations(page)).toEqual([]);
    failing = false;
    await retry.click();
    await options(page).first().waitFor();
    expect(await message(page).isHidden()).toBe(true);
    await page.close();
  });

  it("says the connection dropped when it breaks mid-request, and offers to retry", async () => {
    const { page } = await openPartnerPage(browser, (page) =>
      page.route(SEARCH, (route) => route.abort("connectionreset")),
    );
    await input(page).click();
    await input(page).fill("iran"); // one input event, so one search however slowly the machine types
    await expect.poll(() => message(page).textContent()).toContain("The connection to the search service was lost");
    expect(await page.locator("pq-search [part=retry]").isVisible()).toBe(true);
    await page.close();
  });

  it("says the visitor is offline, and searches when the connection comes back", async () => {
    const { page } = await openPartnerPage(browser);
    await page.context().setOffline(true);
    await input(page).click();
    await input(page).fill("iran"); // one input event, so one search however slowly the machine types
    await expect.poll(() => message(page).textContent()).toContain("You are offline");
    expect(await widgetViolations(page)).toEqual([]);
    await page.context().setOffline(false);
    await options(page).first().waitFor({ timeout: 10_000 });
    expect(await message(page).isHidden()).toBe(true);
    await page.close();
  });
});

describe("<pq-search> without its script", () => {
  it("offers the partner's plain search form, which searches on the service, when JavaScript is off", async () => {
    const page = await openPartnerPageWith(browser, { javaScriptEnabled: false });
    const fallback = page.locator("pq-search form.pq-fallback");
    expect(await fallback.isVisible()).toBe(true);
    await page.getByLabel("Search parliamentary questions").fill("genocide");
    await Promise.all([
      page.waitForURL(`${inject("baseUrl")}/?q=genocide`),
      fallback.getByRole("button", { name: "Search" }).click(),
    ]);
    expect(await page.locator("#results-title").textContent()).toBe("1 question matches “genocide”");
    await page.context().close();
  });

  it("keeps the plain form, not an empty box, when the service is down as the page loads", async () => {
    const context = await browser.newContext();
    await context.route(`${inject("baseUrl")}/**`, (route) => route.abort("connectionrefused"));
    const page = await context.newPage();
    await page.goto(inject("partnerUrl"));
    const fallback = page.locator("pq-search form.pq-fallback");
    expect(await fallback.isVisible()).toBe(true);
    const box = await page.locator("pq-search").boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(30);
    expect(await page.evaluate<boolean>('document.querySelector("pq-search").shadowRoot === null')).toBe(true);
    await context.close();
  });
});

describe("<pq-search> when nothing matches", () => {
  it("says so and lists nothing", async () => {
    const { page } = await openPartnerPage(browser);
    await searchFor(page, "iran");
    await input(page).fill("zzzqqqxx");
    await expect.poll(() => statusText(page)).toBe("No results");
    expect(await message(page).textContent()).toContain("No results");
    expect(await options(page).count()).toBe(0);
    expect(await input(page).getAttribute("aria-expanded")).toBe("false");
    await page.close();
  });
});
