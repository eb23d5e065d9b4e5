import { describe, expect, it } from "vitest";
import { serverTrouble } from "../browser/server-trouble";

describe("picking trouble out of wrangler dev's output", () => {
  it("keeps 5xx request lines and errors with their stack, and drops ordinary requests", () => {
    const output = [
      "[wrangler:info] Ready on http://127.0.0.1:8787",
      "[wrangler:info] GET /?q=iran 200 OK (12ms)",
      "[wrangler:info] GET /records/unknown-id 404 Not Found (5ms)",
      "[wrangler:info] GET /?q=iran&house=Commons 500 Internal Server Error (31ms)",
      "✘ [ERROR] pqsearch: GET / failed: TypeError: x is undefined",
      "      at render (index.js:10:5)",
      "[wrangler:info] GET /v1/meta 304 Not Modified (2ms)",
      "[wrangler-dev helper] wrangler dev exited on its own (code 1, signal null)",
    ].join("\n");
    expect(serverTrouble(output)).toEqual([
      "[wrangler:info] GET /?q=iran&house=Commons 500 Internal Server Error (31ms)",
      "✘ [ERROR] pqsearch: GET / failed: TypeError: x is undefined",
      "      at render (index.js:10:5)",
      "[wrangler-dev helper] wrangler dev exited on its own (code 1, signal null)",
    ]);
  });

  it("reads wrangler's coloured error lines without their colour codes", () => {
    const esc = String.fromCharCode(27);
    const coloured = `${esc}[31m✘ ${esc}[41;31m[${esc}[41;97mERROR${esc}[41;31m]${esc}[0m ${esc}[1mpqsearch: GET / failed: SyntaxError: Unexpected token 'E', "Error: dat"... is not valid JSON${esc}[0m`;
    expect(serverTrouble(`${coloured}\n      at async Ratelimit.limit (ratelimit.worker.js:58:12)\n`)).toEqual([
      `✘ [ERROR] pqsearch: GET / failed: SyntaxError: Unexpected token 'E', "Error: dat"... is not valid JSON`,
      "      at async Ratelimit.limit (ratelimit.worker.js:58:12)",
    ]);
  });

  it("finds nothing in a clean run", () => {
    expect(serverTrouble("[wrangler:info] GET /v1/search?q=500 200 OK (3ms)\n")).toEqual([]);
  });
});
