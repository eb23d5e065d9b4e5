/**
 * The demo partner page (examples/partner.html) opened in Chromium, with the `<pq-search>`
 * widget's parts and events at hand, and axe-core to scan the widget in any state.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { type WatchedPage, watchedPage } from "./chromium";

const AXE = readFileSync(resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

export const input = (page: Page) => page.locator("pq-search [part=input]");
export const options = (page: Page) => page.locator("pq-search [role=option]");
export const statusText = (page: Page) => page.locator("pq-search [role=status]").textContent();
export const message = (page: Page) => page.locator("pq-search [part=message]");
/** What the focused element inside the widget's shadow root is (tag, role, part). */
export const focusedInWidget = (page: Page) =>
  page.evaluate<string>(
    `(() => { const el = document.querySelector("pq-search").shadowRoot.activeElement;
      return el ? [el.tagName, el.getAttribute("role") ?? "", el.getAttribute("part") ?? ""].join(" ") : "none"; })()`,
  );

export interface PartnerPage extends WatchedPage {
  origins: Set<string>;
}

/**
 * The partner page, with every request's origin noted and the widget's events collected in
 * `__pqEvents`. `setUp` runs before navigation (routes, offline mode…).
 */
export async function openPartnerPage(
  browser: Browser,
  setUp: (page: Page) => Promise<unknown> = async () => {},
): Promise<PartnerPage> {
  const watched = await watchedPage(browser);
  const origins = new Set<string>();
  watched.page.on("request", (request) => origins.add(new URL(request.url()).origin));
  await watched.page.addInitScript({
    content: `window.__pqEvents = [];
      for (const name of ["pq-search:results", "pq-search:select", "pq-search:submit"]) {
        document.addEventListener(name, (event) => window.__pqEvents.push({ name, detail: event.detail }));
      }`,
  });
  await setUp(watched.page);
  await watched.page.goto(inject("partnerUrl"));
  // The input exists once the element is defined (waitForFunction would need eval, which the CSP forbids).
  await input(watched.page).waitFor();
  return { ...watched, origins };
}

/** A page of the partner site in a context of its own (JavaScript off, say). */
export async function openPartnerPageWith(browser: Browser, context: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  await page.goto(inject("partnerUrl"));
  return page;
}

export async function searchFor(page: Page, query: string): Promise<void> {
  await input(page).click();
  await input(page).pressSequentially(query);
  // The answer to the whole query, not to a prefix: on a busy machine keys come slower than the
  // debounce, the widget also searches "ir" and "ira", and their options can show first.
  const answered = `window.__pqEvents.some((e) => e.name === "pq-search:results" && e.detail.query === ${JSON.stringify(query)})`;
  // As long as Playwright's own waits (expect.poll's default, 1 s, is less than a busy machine takes).
  await expect.poll(() => page.evaluate<boolean>(answered), { timeout: 30_000 }).toBe(true);
  await options(page).first().waitFor();
}

export type WidgetEvent = { name: string; detail: { query: string; total?: number; id?: string; url?: string } };

export const widgetEvents = (page: Page) => page.evaluate<WidgetEvent[]>("window.__pqEvents");

/** axe-core's serious and critical violations inside the widget, as "rule: help" lines. */
export async function widgetViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate<Array<{ id: string; impact: string; help: string }>>(
    `axe.run(document.querySelector("pq-search")).then((result) =>
      result.violations.map(({ id, impact, help }) => ({ id, impact, help })))`,
  );
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help}`);
}
