/**
 * `npm run load`: autocannon against the Worker under `wrangler dev`, with a mix of searches,
 * filters, listings, lookups and hostile queries. Fails (exit 1) on any error, timeout or non-2xx
 * answer other than the rate limiter's intended 429s. Prints p50/p99 latency and throughput.
 *
 *   npm run load -- [--duration 30] [--connections 50] [--rate-limit off|on]
 *
 * With --rate-limit off (the default) every answer must be 2xx: this measures capacity. With on,
 * the limiter in wrangler.toml applies and 429s (with Retry-After) are expected once it trips.
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startWranglerDev } from "../test/support/wrangler-dev";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    "rate-limit": { type: "string", default: "off" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rateLimit = values["rate-limit"];
if (!(duration > 0) || !(connections > 0) || (rateLimit !== "on" && rateLimit !== "off")) {
  console.error("load: expected --duration <seconds> --connections <n> --rate-limit on|off");
  process.exit(2);
}

const SEARCHES = [
  "q=iran",
  "q=human+rights",
  "q=genocide&sort=newest",
  "q=uyghur+china&limit=50",
  "q=a",
  "q=i+r+a+n+u+k",
  "q=the+government+has+made+an+assessment+of+the+human+rights+situation+in+iran+and+china+with+the+un",
  `q=${"x".repeat(500)}`,
  "q=iran&house=Commons&party=Conservative&answered=true&from=2020-01-01&to=2022-12-31&sort=oldest&limit=50",
  "q=__proto__+constructor",
  `q=${encodeURIComponent("</mark><img src=x onerror=alert(1)>")}`,
  "q=&party=Labour&party=Conservative&party=Crossbench",
  "q=massacre&offset=20&limit=30",
];
const PATHS = [
  ...SEARCHES.map((query) => `/v1/search?${query}`),
  "/v1/records",
  "/v1/records?limit=100&house=Lords",
  "/v1/meta",
];

const server = await startWranglerDev({ vars: { RATE_LIMIT: rateLimit } });
try {
  // One real record id, so lookups are part of the mix.
  const listing = (await (await fetch(`${server.url}/v1/records?limit=1`)).json()) as {
    records: Array<{ id: string }>;
  };
  const paths = [...PATHS, `/v1/records/${listing.records[0]?.id}`];
  console.log(
    `load: ${connections} connections for ${duration} s, ${paths.length} request shapes, rate limit ${rateLimit}`,
  );
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    // Cloudflare would set this; wrangler dev passes it through, so the limiter keys on it.
    headers: { "CF-Connecting-IP": "198.51.100.1" },
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
  );
  const unintended = Object.entries(statuses)
    .filter(([code]) => !code.startsWith("2") && !(rateLimit === "on" && code === "429"))
    .reduce((sum, [, count]) => sum + (count as number), 0);
  const summary = {
    requests: result.requests.total,
    throughputPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(
    `| ${connections} | ${duration} s | ${rateLimit} | ${summary.requests} | ${summary.throughputPerSecond} | ${summary.latencyMs.p50} | ${summary.latencyMs.p99} | ${summary.errors} | ${JSON.stringify(statuses)} |`,
  );
  if (result.errors > 0 || result.timeouts > 0 || unintended > 0) {
    console.error(
      `load: FAILED: ${result.errors} errors, ${result.timeouts} timeouts, ${unintended} unintended non-2xx`,
    );
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
