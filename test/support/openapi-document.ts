/**
 * The OpenAPI document as the Worker serves it, read in Node from what the build wrote (the build
 * must have run): the JSON text of src/generated/assets/openapi.json with the slots filled by the
 * function routes/openapi.ts fills them with. No Worker module is imported, so this runs under
 * plain Node (the lint command) as well as under vitest. test/worker/api.test.ts checks the served document.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildId } from "../../src/generated/collection.js";
import { OPENAPI_ASSET, servedDocument } from "../../src/openapi/slots";

const DOCUMENT = resolve(import.meta.dirname, "../../src/generated/assets", OPENAPI_ASSET);

/** `vars` stand in for wrangler.toml's; by default no PUBLIC_URL, so the server URL is "/". */
export function servedOpenApiDocument(vars: { PUBLIC_URL?: string } = {}): Record<string, unknown> {
  return JSON.parse(
    servedDocument(readFileSync(DOCUMENT, "utf8"), buildId, vars, "https://pqsearch.invalid/openapi.json"),
  );
}
