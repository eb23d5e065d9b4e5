import { env, withEnv } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import app from "../../src/index";

// The Worker's app called directly (a fresh isolate for this file), through an ASSETS binding,
// swapped in with withEnv, that records which files it is asked for.
const asked: string[] = [];
const assets = env.ASSETS;
const recording = {
  fetch: (request: Request) => {
    asked.push(new URL(request.url).pathname);
    return assets.fetch(request);
  },
} as unknown as Fetcher;
const get = (path: string) =>
  withEnv({ ...env, ASSETS: recording }, () =>
    app.fetch(new Request(`https://pq.test${path}`), { ...env, ASSETS: recording }),
  ) as Promise<Response>;

describe("a sharded Worker loading its files through the ASSETS binding", () => {
  it("answers a first search by fetching the postings files of its keys, not the whole index", async () => {
    asked.length = 0;
    const response = await get("/v1/search?q=ambulance&limit=3");
    expect(response.status).toBe(200);
    expect((await response.json<{ total: number }>()).total).toBeGreaterThan(0);
    const postings = asked.filter((path) => path.includes("/postings-"));
    expect(postings.length).toBeGreaterThanOrEqual(1);
    expect(postings.length).toBeLessThanOrEqual(2);
    expect(asked.filter((path) => path.endsWith("/tables.json"))).toHaveLength(1);
    // The index spans many more files than that (the fixture writes 16 KiB postings files).
    const sibling = (postings[0] as string).replace(/postings-\d+\.json$/, "postings-9.json");
    expect((await env.ASSETS.fetch(new Request(`https://assets.invalid${sibling}`))).ok).toBe(true);

    // Another word in the same isolate adds its own files; the first search's are not fetched again.
    asked.length = 0;
    expect((await get("/v1/search?q=submarines&limit=3")).status).toBe(200);
    const more = asked.filter((path) => path.includes("/postings-"));
    expect(more.length).toBeGreaterThanOrEqual(1);
    for (const path of more) expect(postings).not.toContain(path);
  });
});
