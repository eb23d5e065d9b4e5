/**
 * Chromium driven by playwright-core: whichever find-chromium.ts finds (Playwright cannot download
 * browsers on CI here, so that is usually Debian's). Each page records console errors, page errors
 * and CSP violations so tests can assert there are none.
 */
import { type Browser, chromium, type Page } from "playwright-core";
import { findChromium, machineLookup } from "./find-chromium";

/** The Chromium these tests drive (Lighthouse too); throws the one-line reason when there is none. */
export function chromiumPath(): string {
  const executablePath = findChromium(machineLookup());
  if (executablePath instanceof Error) throw executablePath;
  return executablePath;
}

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  cspViolations: string[];
}

export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.exposeFunction("__pqReportCsp", (violation: string) => cspViolations.push(violation));
  // A string, not a function: this file is type-checked against Workers' types, which have no DOM.
  await page.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (event) => {
      window.__pqReportCsp(event.violatedDirective + " " + event.blockedURI);
    });`,
  });
  return { page, consoleErrors, cspViolations };
}
