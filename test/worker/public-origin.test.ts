/**
 * Absolute links (the OpenAPI server URL, the pages' canonical and og:url) come from PUBLIC_URL,
 * never from the request's Host, except for local development on localhost.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import app from "../../src/index";

const fetchWith = (url: string, vars: Partial<Env> = {}) =>
  app.fetch(new Request(url, { headers: { Accept: "text/html" } }), { ...env, ...vars });
const servers = async (response: Response) => (await response.json<{ servers: Array<{ url: string }> }>()).servers;
const canonical = (html: string) => [
  html.match(/<link rel="canonical" href="([^"]*)"/)?.[1],
  html.match(/<meta property="og:url" content="([^"]*)"/)?.[1],
];
const RECORD = "/records/c7jocdcev5ac";

beforeAll(() => fetchWith("https://pq.test/v1/meta"), 60_000);

describe("the public origin", () => {
  it("is never taken from the request's host", async () => {
    expect(env.PUBLIC_URL).toBe("");
    const document = await fetchWith("https://evil.example/openapi.json");
    expect(await servers(document)).toEqual([{ url: "/", description: "This service." }]);
    const page = await (await fetchWith(`https://evil.example${RECORD}`)).text();
    expect(page).not.toContain("evil.example");
    expect(canonical(page)).toEqual([RECORD, RECORD]);
    expect(await (await fetchWith("https://evil.example/?q=iran")).text()).not.toContain("evil.example");
  });

  it("is PUBLIC_URL when it is set, whatever host the request names", async () => {
    const vars = { PUBLIC_URL: "https://search.example.org/" };
    const document = await fetchWith("https://evil.example/openapi.json", vars);
    expect((await servers(document))[0]?.url).toBe("https://search.example.org");
    const page = await (await fetchWith(`https://evil.example${RECORD}`, vars)).text();
    expect(canonical(page)).toEqual([`https://search.example.org${RECORD}`, `https://search.example.org${RECORD}`]);
    expect(page).not.toContain("evil.example");
  });

  it("is the local server's own origin under wrangler dev when PUBLIC_URL is empty", async () => {
    const document = await fetchWith("http://127.0.0.1:8787/openapi.json");
    expect((await servers(document))[0]?.url).toBe("http://127.0.0.1:8787");
    const page = await (await fetchWith(`http://localhost:8787${RECORD}`)).text();
    expect(canonical(page)[0]).toBe(`http://localhost:8787${RECORD}`);
  });
});
