/**
 * Page weights and server render time for the public pages.
 *
 *   npx tsx bench/pages.ts            # in Node, calling the app directly
 *   npx tsx bench/pages.ts --wrangler # also through `wrangler dev` (workerd)
 *
 * Weight: bytes of the HTML plus the stylesheet and script it loads, raw and gzipped (Cloudflare
 * compresses on the wire). Time: the `render` entry of Server-Timing (JSX to string) and the
 * Worker's `total`, medians over repeated requests after a warm-up. Run `npm run build` first.
 */
import { gzipSync } from "node:zlib";
import app from "../src/index";
import { startWranglerDev } from "../test/support/wrangler-dev";

const PAGES = [
  ["home (browse, 10 results)", "/"],
  ["search ?q=iran (10 of 17)", "/?q=iran"],
  ["search, filtered", "/?q=iran&party=Conservative&house=Commons"],
  ["search, nothing found", "/?q=zzzz"],
  ["record page", "/records/c7jocdcev5ac"],
  ["404 page", "/records/unknown"],
] as const;
const RUNS = 50;
const ENV = { CACHE_MAX_AGE: "300", CORS_ALLOW_ORIGINS: "*" };
const HTML = { Accept: "text/html" };

type Fetcher = (path: string) => Promise<Response>;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

function timing(response: Response, name: string): number {
  const match = response.headers.get("Server-Timing")?.match(new RegExp(`${name};dur=([\\d.]+)`));
  return match ? Number(match[1]) : Number.NaN;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function measure(label: string, fetcher: Fetcher) {
  console.log(`\n${label}: median of ${RUNS} requests each, after 5 warm-up requests`);
  console.log(
    "page                                      | HTML raw | HTML gzip | +CSS+JS raw | +CSS+JS gzip | render ms | total ms",
  );
  for (const [name, path] of PAGES) {
    const first = await fetcher(path);
    const html = await first.text();
    let assetsRaw = 0;
    let assetsGzip = 0;
    for (const asset of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
      const body = Buffer.from(await (await fetcher(asset[1] as string)).arrayBuffer());
      assetsRaw += body.length;
      assetsGzip += gzipSync(body, { level: 6 }).length;
    }
    for (let i = 0; i < 5; i++) await (await fetcher(path)).arrayBuffer();
    const render: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const response = await fetcher(path);
      await response.arrayBuffer();
      render.push(timing(response, "render"));
      total.push(timing(response, "total"));
    }
    const raw = Buffer.byteLength(html);
    const gzip = gzipSync(html, { level: 6 }).length;
    console.log(
      `${name.padEnd(41)} | ${kib(raw).padStart(8)} | ${kib(gzip).padStart(9)} | ${kib(raw + assetsRaw).padStart(11)} | ${kib(gzip + assetsGzip).padStart(12)} | ${median(render).toFixed(3).padStart(9)} | ${median(total).toFixed(3).padStart(8)}`,
    );
  }
}

await measure("Node (app.request)", (path) => Promise.resolve(app.request(path, { headers: HTML }, ENV)));
if (process.argv.includes("--wrangler")) {
  const server = await startWranglerDev();
  try {
    await measure("wrangler dev (workerd)", (path) => fetch(`${server.url}${path}`, { headers: HTML }));
  } finally {
    await server.stop();
  }
}
