/**
 * Starts one `wrangler dev` for all browser tests, and a partner site on another origin that
 * embeds it; tests read their URLs with inject("baseUrl") and inject("partnerUrl"). The rate
 * limiter is off: wrangler dev sends CF-Connecting-IP, and Lighthouse alone makes hundreds of
 * requests (tests that need a 429 make their own). The server's output, one line per request
 * included, goes to inject("serverLog") (see server-log.ts).
 */
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startWranglerDev } from "../support/wrangler-dev";
import { findChromium, machineLookup } from "./find-chromium";
import { startPartnerServer } from "./partner-server";
import { serverTrouble } from "./server-trouble";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    partnerUrl: string;
    serverLog: string;
    /** Why there is no browser to drive (then nothing is started), or "". */
    chromiumProblem: string;
  }
}

const SERVER_LOG = resolve(import.meta.dirname, "../../test-artifacts/wrangler-dev.log");

export default async function setup(project: TestProject) {
  // Without a browser, start nothing: needs-chromium.ts fails each file with the reason. (Throwing
  // here would stop every project's tests, not just this one's.)
  const chromium = findChromium(machineLookup());
  project.provide("chromiumProblem", chromium instanceof Error ? chromium.message : "");
  if (chromium instanceof Error) return;
  const server = await startWranglerDev({ vars: { RATE_LIMIT: "off" }, logLevel: "info", logFile: SERVER_LOG });
  const partner = await startPartnerServer(server.url);
  project.provide("baseUrl", server.url);
  project.provide("partnerUrl", partner.url);
  project.provide("serverLog", SERVER_LOG);
  return async () => {
    await partner.stop();
    await server.stop();
    const trouble = serverTrouble(server.output());
    if (trouble.length > 0)
      console.error(`wrangler dev reported trouble during the browser tests (${SERVER_LOG}):\n${trouble.join("\n")}`);
  };
}
