import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// The build and the engine run in Node; the API runs inside workerd, as deployed (once with the
// bundled seed collection, once with a generated collection the build sharded into static assets).
// Timeouts are hang guards, not timings: the machine tests run on may be shared and busy, where a
// build in a beforeAll has taken longer than vitest's default 10 s. (Projects inherit nothing from
// the root, so each sets its own.)

// Test files run this many at a time, in every project alike (vitest runs projects with different
// counts one after another). Its default, one fewer than the cores, is one on a 2-core machine;
// but most files here spend their time waiting for another process (Chromium, workerd, wrangler
// dev, the build CLI), so two side by side finish sooner even on two cores.
const WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    // CI counts tests from this report (.ci/run).
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-artifacts/vitest.json" }]] : ["default"],
    projects: [
      {
        // The Worker's app also runs here (openapi-client.test.ts); Node has no cloudflare:workers.
        resolve: {
          alias: { "cloudflare:workers": resolve(import.meta.dirname, "test/support/cloudflare-workers-node.ts") },
        },
        test: {
          name: "node",
          maxWorkers: WORKERS,
          include: ["test/node/**/*.test.ts"],
          environment: "node",
          // Build tests spawn the build CLI and builds run in hooks: seconds each on a quiet machine,
          // and the 5 MB seed's build took over 30 s on a busy one.
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // A worker runs file after file without restarting (half a second or more a file). Safe
          // while no file here mocks modules or changes globals; one that must, belongs in its own
          // project with isolation.
          isolate: false,
        },
      },
      {
        // Real Chromium against `wrangler dev`; one server for the whole project, one Chromium a file.
        test: {
          name: "browser",
          maxWorkers: WORKERS,
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/browser/global-setup.ts"],
          // Fail at once without a browser; print wrangler dev's output when a test fails or sees a 5xx.
          setupFiles: ["test/browser/needs-chromium.ts", "test/browser/server-log.ts"],
          // expect.poll waits 1 s by default; a busy machine's Chromium can take longer to repaint.
          expect: { poll: { timeout: 15_000 } },
          // The axe test opens six pages in one test: 20 s on a quiet machine, over 60 s on a busy one.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            // The deployed limit (wrangler.toml) is generous; a small one lets tests reach it quickly.
            miniflare: { ratelimits: { RATE_LIMITER: { namespace_id: "1001", simple: { limit: 20, period: 60 } } } },
          }),
        ],
        test: {
          name: "worker",
          maxWorkers: WORKERS,
          include: ["test/worker/**/*.test.ts"],
          // The first request in a file loads the Worker in workerd; on a busy shared machine that
          // alone has taken over 30 s there (load average 30).
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // test/support/sharded-fixture.ts must have run first (npm test runs it).
        plugins: [cloudflareTest({ wrangler: { configPath: "./test/worker-sharded/wrangler.toml" } })],
        resolve: {
          alias: [
            {
              find: /^\.\/generated\/collection\.js$/,
              replacement: resolve(import.meta.dirname, "test-artifacts/sharded/generated/collection.js"),
            },
          ],
        },
        test: {
          name: "worker-sharded",
          maxWorkers: WORKERS,
          include: ["test/worker-sharded/**/*.test.ts"],
          // As for "worker": loading the Worker can pass 5 s on a busy shared machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
