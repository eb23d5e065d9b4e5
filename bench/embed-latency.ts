/**
 * `npm run bench:embed`: time from the visitor's last keystroke to rendered results in
 * `<pq-search>`, in Chromium, on the demo partner page against `wrangler dev` on loopback.
 * Measured in the page: keydown (capture) to the frame after `pq-search:results` (the list is
 * in the DOM when the event fires; the next animation frame is when it can be seen).
 * Prints medians and p90 per debounce setting: the default 150 ms and 0 (network + render only).
 *
 *   tsx bench/embed-latency.ts [--rounds 5]
 */
import { parseArgs } from "node:util";
import { launchChromium } from "../test/browser/chromium";
import { startPartnerServer } from "../test/browser/partner-server";
import { startWranglerDev } from "../test/support/wrangler-dev";

const QUERIES = ["genocide", "iran", "massacre", "prisoners", "human rights", "execution", "foreign secretary", "1988"];

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" } } });
const rounds = Number(values.rounds);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const service = await startWranglerDev();
const partner = await startPartnerServer(service.url);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.addInitScript({
    content: `window.__pqTimes = []; let lastKey = 0;
      document.addEventListener("keydown", () => { lastKey = performance.now(); }, true);
      document.addEventListener("pq-search:results", (event) => {
        if (event.detail.query !== window.__pqExpected) return;
        requestAnimationFrame(() => window.__pqTimes.push(performance.now() - lastKey));
      });`,
  });
  await page.goto(partner.url);
  const input = page.locator("pq-search input");
  for (const debounce of ["150", "0"]) {
    await page.evaluate(`document.querySelector("pq-search").setAttribute("debounce", ${JSON.stringify(debounce)})`);
    await page.evaluate("window.__pqTimes = []");
    let expected = 0;
    for (let round = 0; round < rounds; round++) {
      for (const query of QUERIES) {
        await input.fill("");
        await page.evaluate(`window.__pqExpected = ${JSON.stringify(query)}`);
        await input.pressSequentially(query);
        expected++;
        // Polls with evaluate: waitForFunction would need eval, which the partner's CSP forbids.
        while ((await page.evaluate<number>("window.__pqTimes.length")) < expected) await page.waitForTimeout(5);
      }
    }
    const times = (await page.evaluate<number[]>("window.__pqTimes")).sort((a, b) => a - b);
    console.log(
      `debounce ${debounce.padStart(3)} ms: keystroke to rendered results median ${quantile(times, 0.5).toFixed(1)} ms, ` +
        `p90 ${quantile(times, 0.9).toFixed(1)} ms over ${times.length} searches`,
    );
  }
} finally {
  await browser.close();
  await partner.stop();
  await service.stop();
}
