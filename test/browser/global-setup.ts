/**
 * Starts one `wrangler dev` for all browser tests, and a partner site on another origin that
 * embeds it; tests read their URLs with inject("baseUrl") and inject("partnerUrl").
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
  const server = await startWranglerDev();
  const partner = await startPartnerServer(server.url);
  project.provide("baseUrl", server.url);
  project.provide("partnerUrl", partner.url);
  return async () => {
    await partner.stop();
    await server.stop();
  };
}
