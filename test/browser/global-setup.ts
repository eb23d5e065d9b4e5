/** Starts one `wrangler dev` for all browser tests; tests read its URL with inject("baseUrl"). */
import type { TestProject } from "vitest/node";
import { startWranglerDev } from "../support/wrangler-dev";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startWranglerDev();
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
