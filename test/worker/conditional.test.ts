/**
 * Conditional requests: only an answer that would have been a 200 may become a 304 (RFC 9110
 * §13.1.2), and each answer is compared with its own ETag.
 */
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { widgetHash } from "../../src/generated/widget.js";
import { PAGE_CSP } from "../../src/middleware/security-headers";

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`https://pq.test${path}`, { headers }));

let buildEtag: string;
beforeAll(async () => {
  buildEtag = (await get("/v1/meta")).headers.get("ETag") as string;
}, 60_000);

describe("If-None-Match", () => {
  it.each([
    ["an unknown record", "/v1/records/doesnotexist", 404],
    ["a malformed record id", "/v1/records/not%20an%20id", 400],
    ["an invalid search", "/v1/search?limit=0", 400],
    ["an invalid suggestion request", "/v1/suggest?limit=500", 400],
    ["an unknown path", "/v2/nothing", 404],
    ["an unknown record page", "/records/doesnotexist", 404],
    ["an invalid search page", "/?sort=best", 400],
  ])("leaves %s its own status whatever tag is sent", async (_, path, status) => {
    for (const tag of ["*", buildEtag, `W/${buildEtag}`]) {
      const response = await get(path, { "If-None-Match": tag });
      expect(response.status, `${path} with ${tag}`).toBe(status);
      expect(response.headers.get("ETag")).toBeNull();
    }
  });

  it("answers 304 for * and for the current tag when the answer would be 200", async () => {
    for (const path of ["/v1/search?q=iran", "/v1/records?limit=2", "/v1/meta", "/v1/suggest?q=inqu", "/"]) {
      for (const tag of ["*", buildEtag, `"other", W/${buildEtag}`]) {
        const response = await get(path, { "If-None-Match": tag });
        expect(response.status, `${path} with ${tag}`).toBe(304);
        expect(response.headers.get("ETag")).toBe(buildEtag);
        expect(response.headers.get("Content-Type")).toBeNull();
        expect(await response.text()).toBe("");
      }
    }
  });

  it("compares /embed.js with its own content hash, not the build's tag", async () => {
    expect((await get("/embed.js", { "If-None-Match": buildEtag })).status).toBe(200);
    expect((await get("/embed.js", { "If-None-Match": '"0000000000000000"' })).status).toBe(200);
    const current = await get("/embed.js", { "If-None-Match": `"${widgetHash}"` });
    expect(current.status).toBe(304);
    expect(current.headers.get("ETag")).toBe(`"${widgetHash}"`);
    expect(current.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("keeps a page's own headers on its 304, since caches copy them onto the stored page", async () => {
    const fresh = await get("/?q=iran", { Accept: "text/html" });
    const revalidated = await get("/?q=iran", { Accept: "text/html", "If-None-Match": buildEtag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("Content-Security-Policy")).toBe(PAGE_CSP);
    expect(revalidated.headers.get("Cache-Control")).toBe(fresh.headers.get("Cache-Control"));
  });

  it("answers 200 to a stale tag", async () => {
    expect((await get("/v1/search?q=iran", { "If-None-Match": '"stale"' })).status).toBe(200);
  });
});
