/**
 * The OpenAPI document as the Worker serves it, read in Node from what the build wrote (the build
 * must have run): the JSON text of src/generated/openapi.js with the slots filled by the function
 * routes/openapi.ts fills them with. No Worker module is imported, so this runs under plain Node (the
 * lint command) as well as under vitest. test/worker/api.test.ts checks the served document.
 */
import { buildId } from "../../src/generated/collection.js";
import { openApiJson } from "../../src/generated/openapi.js";
import { servedDocument } from "../../src/openapi/slots";

/** `vars` stand in for wrangler.toml's; by default no PUBLIC_URL, so the server URL is "/". */
export function servedOpenApiDocument(vars: { PUBLIC_URL?: string } = {}): Record<string, unknown> {
  return JSON.parse(servedDocument(openApiJson, buildId, vars, "https://pqsearch.invalid/openapi.json"));
}
