/**
 * Starts one `wrangler dev` for all browser tests, and a partner site on another origin that
 * embeds it; tests read their URLs with inject("baseUrl") and inject("partnerUrl"). The rate
 * limiter is off: wrangler dev sends CF-Connecting-IP, and Lighthouse alone makes hundreds of
 * requests (tests that need a 429 make their own).
 */
import type { TestProject } from "vitest/node";
import { startWranglerDev } from "../support/wrangler-dev";
import { startPartnerServer } from "./partner-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    partnerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startWranglerDev({ vars: { RATE_LIMIT: "off" } });
  const partner = await startPartnerServer(server.url);
  project.provide("baseUrl", server.url);
  project.provide("partnerUrl", partner.url);
  return async () => {
    await partner.stop();
    await server.stop();
  };
}
