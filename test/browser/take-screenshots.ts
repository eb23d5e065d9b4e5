/**
 * `npm run screenshots`: the public pages and the partner page with the widget open, at 375 px
 * (a phone) and 1280 px, written to docs/screenshots/ for the README and for review. Starts its
 * own wrangler dev and partner site, as the browser tests do. Each shot covers the page from the
 * top down to a few screens, enough to see the layout without megabyte images.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { startWranglerDev } from "../support/wrangler-dev";
import { launchChromium } from "./chromium";
import { startPartnerServer } from "./partner-server";

const OUT = resolve(import.meta.dirname, "../../docs/screenshots");
const WIDTHS = [
  { name: "375", viewport: { width: 375, height: 812 }, maxHeight: 2400 },
  { name: "1280", viewport: { width: 1280, height: 900 }, maxHeight: 1800 },
] as const;

interface Shot {
  name: string;
  /** A path on the service, or a function that opens and prepares the page itself. */
  open: string | ((page: Page) => Promise<void>);
  colorScheme?: "light" | "dark";
}

async function widgetOpen(page: Page, partnerUrl: string): Promise<void> {
  await page.goto(partnerUrl);
  const input = page.locator("pq-search [part=input]");
  await input.click();
  await input.pressSequentially("iran");
  await page.locator("pq-search [role=option]").first().waitFor();
  await page.keyboard.press("ArrowDown");
}

// A public origin, so citations and permanent links read as they would when deployed.
const server = await startWranglerDev({ vars: { RATE_LIMIT: "off", PUBLIC_URL: "https://pqsearch.example.org" } });
const partner = await startPartnerServer(server.url);
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  const shots: Shot[] = [
    { name: "home", open: "/" },
    { name: "home-dark", open: "/", colorScheme: "dark" },
    { name: "results", open: "/?q=iran" },
    { name: "record", open: "/records/c7jocdcev5ac" },
    { name: "about", open: "/about" },
    { name: "no-results", open: "/?q=rapporteur+zzzqqq&house=Lords" },
    { name: "404", open: "/records/no-such-record" },
    { name: "partner-widget", open: (page) => widgetOpen(page, partner.url) },
  ];
  for (const shot of shots) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: width.viewport, colorScheme: shot.colorScheme ?? "light" });
      if (typeof shot.open === "string") await page.goto(`${server.url}${shot.open}`, { waitUntil: "networkidle" });
      else await shot.open(page);
      const height = Math.min(width.maxHeight, await page.evaluate<number>("document.documentElement.scrollHeight"));
      const path = resolve(OUT, `${shot.name}-${width.name}.png`);
      await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: width.viewport.width, height } });
      console.log(`wrote ${path}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await partner.stop();
  await server.stop();
}
