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

  it("finds nothing in a clean run", () => {
    expect(serverTrouble("[wrangler:info] GET /v1/search?q=500 200 OK (3ms)\n")).toEqual([]);
  });
});
