/**
 * How a results page leads to its feed and its export (links carrying every filter the page ran
 * with), and the origin those absolute links use: PUBLIC_URL when set, else the request's.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import app from "../../src/index";
import { readFeed } from "../support/atom-feed-checks";
import { csvRecords } from "../support/read-csv";

const fetchWith = (url: string, vars: Partial<Env> = {}) =>
  app.fetch(new Request(url, { headers: { Accept: "text/html" } }), { ...env, ...vars });
const page = async (query: string) => (await fetchWith(`https://pq.test/?${query}`)).text();
const unescaped = (href: string | undefined) => href?.replace(/&amp;/g, "&");

beforeAll(() => fetchWith("https://pq.test/v1/meta"), 60_000);

describe("a results page", () => {
  it("names its search's feed in the head, for feed readers to discover", async () => {
    const html = await page("q=iran&house=Commons&sort=newest&offset=10");
    const link = html.match(/<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)"/);
    expect(link?.[1]).toBe("Follow this search (Atom)");
    expect(unescaped(link?.[2])).toBe("/feed.atom?q=iran&house=Commons");
  });

  it("links to Follow this search and Download these results, with every filter it ran with", async () => {
    const html = await page("q=iran&party=Conservative&answered=true&from=2021-01-01&sort=oldest&utm_source=x");
    const follow = html.match(/<a href="([^"]*)" type="application\/atom\+xml">Follow this search<\/a>/)?.[1];
    const download = html.match(/<a href="([^"]*)" download="">Download these results<\/a>/)?.[1];
    const filters = "party=Conservative&answered=true&from=2021-01-01";
    expect(unescaped(follow)).toBe(`/feed.atom?q=iran&${filters}`);
    expect(unescaped(download)).toBe(`/v1/export?q=iran&${filters}&sort=oldest&format=csv`);
    const total = Number(html.match(/(\d+) questions? match/)?.[1]);
    expect(total).toBeGreaterThan(0);
    const exported = await fetchWith(`https://pq.test${unescaped(download)}`);
    expect(exported.status).toBe(200);
    expect(csvRecords(await exported.text())).toHaveLength(total);
  });

  it("offers no download when nothing matched, but still a feed to follow, filters the form lacks included", async () => {
    const html = await page("q=iran&body=Home+Office");
    const follow = html.match(/<a href="([^"]*)" type="application\/atom\+xml">Follow this search<\/a>/)?.[1];
    expect(unescaped(follow)).toBe("/feed.atom?q=iran&body=Home+Office");
    expect(html).not.toContain("Download these results");
  });

  it("offers neither when its search could not be run", async () => {
    const html = await (await fetchWith("https://pq.test/?sort=best")).text();
    expect(html).not.toContain("application/atom+xml");
    expect(html).not.toContain("Download these results");
  });
});

describe("the absolute links of feeds and exports", () => {
  it("use PUBLIC_URL when it is set, whatever host the request names", async () => {
    const vars = { PUBLIC_URL: "https://search.example.org/" };
    const feed = readFeed(await (await fetchWith("https://evil.example/feed.atom?q=iran", vars)).text());
    expect(feed.self).toBe("https://search.example.org/feed.atom?q=iran");
    expect(feed.items[0]?.url).toMatch(/^https:\/\/search\.example\.org\/records\//);
    const csv = await (await fetchWith("https://evil.example/v1/export?format=csv&q=iran", vars)).text();
    expect(csv).not.toContain("evil.example");
  });

  it("use the request's own origin when PUBLIC_URL is empty, since they must be absolute", async () => {
    const feed = readFeed(await (await fetchWith("https://pq.example/feed.atom?q=iran")).text());
    expect(feed.self).toBe("https://pq.example/feed.atom?q=iran");
    expect(feed.items[0]?.url).toMatch(/^https:\/\/pq\.example\/records\//);
  });
});
