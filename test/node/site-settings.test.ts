import { describe, expect, it } from "vitest";
import { DEFAULT_TITLE, siteFrom } from "../../src/pages/site";
import { robotsTxt, SITEMAP_PAGE, sitemapIndexXml, sitemapXml } from "../../src/pages/sitemap";

const LONG_SOURCE_TITLE =
  "Several UK Parliamentarians posed 20 parliamentary questions to the British Foreign Secretary and Home Secretary.";

describe("the site's identity", () => {
  it("takes its title from COLLECTION_TITLE, else a short source title, else a default", () => {
    expect(siteFrom({ COLLECTION_TITLE: " Iran 1988 " }, "https://a.test/", LONG_SOURCE_TITLE).title).toBe("Iran 1988");
    expect(siteFrom({}, "https://a.test/", "NHS dentistry questions").title).toBe("NHS dentistry questions");
    expect(siteFrom({ COLLECTION_TITLE: "" }, "https://a.test/", LONG_SOURCE_TITLE).title).toBe(DEFAULT_TITLE);
  });

  it("uses PUBLIC_URL's origin for links, the local origin under wrangler dev, and never another Host", () => {
    expect(siteFrom({ PUBLIC_URL: "https://pq.example.org/some/path" }, "http://internal:8787/x", "t").origin).toBe(
      "https://pq.example.org",
    );
    expect(siteFrom({}, "http://localhost:8787/x", "t").origin).toBe("http://localhost:8787");
    // Links are relative rather than built from whatever Host a request names.
    expect(siteFrom({ PUBLIC_URL: "" }, "https://evil.example/x?q=1", "t").origin).toBe("");
    // A setting that is not an http(s) origin is a deployment mistake: it fails loudly.
    expect(() => siteFrom({ PUBLIC_URL: "javascript:alert(1)" }, "http://internal:8787/x", "t")).toThrow(/PUBLIC_URL/);
  });

  it("dates its publication from the deployed version's timestamp, when there is one", () => {
    const at = (timestamp: string) =>
      siteFrom({ CF_VERSION_METADATA: { timestamp } }, "https://a.test/", "t").published;
    expect(at("2026-11-28T10:11:12.000Z")).toBe("2026-11-28");
    expect(at("")).toBeNull();
  });
});

describe("robots.txt and the sitemap", () => {
  it("escape what they print and name the sitemap under the origin given", () => {
    expect(sitemapXml("https://a.test", ["x&y"], false)).toContain("<loc>https://a.test/records/x&amp;y</loc>");
    expect(robotsTxt("https://a.test")).toContain("Sitemap: https://a.test/sitemap.xml\n");
  });

  it("become an index of numbered files past one file's worth of records", () => {
    const index = sitemapIndexXml("https://a.test", SITEMAP_PAGE * 2 + 1);
    const locs = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toEqual([
      "https://a.test/sitemap-pages.xml",
      "https://a.test/sitemap-records-1.xml",
      "https://a.test/sitemap-records-2.xml",
      "https://a.test/sitemap-records-3.xml",
    ]);
  });
});
