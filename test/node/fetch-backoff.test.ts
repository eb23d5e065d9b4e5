/** How long the fetch waits before retrying a request. */
import { describe, expect, it } from "vitest";
import { backoffMs, retryAfterMs } from "../../index-build/fetch/backoff";

describe("waiting before a retry", () => {
  it("doubles each time, up to the cap, with half of each wait random", () => {
    expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt, 1000, 5000, () => 0))).toEqual([500, 1000, 2000, 2500]);
    expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt, 1000, 5000, () => 1))).toEqual([1000, 2000, 4000, 5000]);
  });

  it("reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read", () => {
    const now = Date.parse("2026-11-30T06:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Mon, 30 Nov 2026 06:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Mon, 30 Nov 2026 05:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
