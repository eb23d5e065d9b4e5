import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { widgetHash } from "../../src/generated/widget.js";

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://pq.test${path}`, init));

// The first request loads the Worker and hydrates the collection: slow on a busy machine, and not what is tested.
beforeAll(() => get("/v1/meta"), 60_000);

describe("GET /embed.js", () => {
  it("serves the widget as JavaScript that any site may load as a module", async () => {
    const response = await get("/embed.js", { headers: { Origin: "https://partner.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(await response.text()).toContain('customElements.define("pq-search"');
  });

  it("is identified by its own content hash and answers 304 to it", async () => {
    const first = await get("/embed.js");
    expect(first.headers.get("ETag")).toBe(`"${widgetHash}"`);
    const again = await get("/embed.js", { headers: { "If-None-Match": `W/"${widgetHash}"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("is cached for a year only when the URL pins the current version", async () => {
    expect((await get(`/embed.js?v=${widgetHash}`)).headers.get("Cache-Control")).toContain("immutable");
    const stale = await get("/embed.js?v=0000000000000000");
    expect(stale.headers.get("Cache-Control")).toBe("public, max-age=3600, stale-while-revalidate=86400");
  });
});

describe("GET /embed", () => {
  it("renders matching questions with their member, status and highlighted words, linking to record pages", async () => {
    const response = await get("/embed?q=genocide");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<mark>genocide</mark>");
    expect(html).toContain("Steve McCabe (Labour)");
    expect(html).toMatch(/<a href="\/records\/[a-z0-9]+" target="_blank" rel="noopener">/);
  });

  it("may be framed by the sites EMBED_FRAME_ANCESTORS names, and runs no script", async () => {
    const response = await get("/embed");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("frame-ancestors *");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(response.headers.get("X-Frame-Options")).toBeNull();
    expect(await response.text()).not.toContain("<script");
  });

  it("carries the partner's presets into the frame's own search form", async () => {
    const html = await (await get("/embed?q=iran&house=Commons&party=Conservative&answered=true&lang=cy")).text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('<input type="hidden" name="house" value="Commons"/>');
    expect(html).toContain('<input type="hidden" name="party" value="Conservative"/>');
    expect(html).toContain('<input type="hidden" name="answered" value="true"/>');
    expect(html).toContain("Chwilio");
  });

  it("escapes the query it echoes back", async () => {
    const html = await (await get(`/embed?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`)).text();
    expect(html).not.toContain("<img");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("answers 400 naming each bad parameter", async () => {
    const response = await get("/embed?q=iran&limit=500&target=_parent");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("limit: expected a whole number from 1 to 50");
    expect(html).toContain("target: expected _blank or _top");
  });
});
