import { env, withEnv } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import app from "../../src/index";

// The Worker's app called directly, with an ASSETS binding that fails swapped in for one request.
const search = (assets: Fetcher) =>
  withEnv({ ...env, ASSETS: assets }, () =>
    app.fetch(new Request("https://pq.test/v1/search?q=submarines+frigates&limit=3"), { ...env, ASSETS: assets }),
  ) as Promise<Response>;

describe("a sharded Worker whose static assets fail to load", () => {
  it("answers 503 problem+json with Retry-After, then answers the same search once the assets load", async () => {
    const asked: string[] = [];
    const failing = {
      fetch: async (request: Request) => {
        asked.push(new URL(request.url).pathname);
        return new Response("unavailable", { status: 500 });
      },
    } as unknown as Fetcher;
    const failed = await search(failing);
    expect(asked.length).toBeGreaterThan(0);
    expect(failed.status).toBe(503);
    expect(failed.headers.get("Content-Type")).toBe("application/problem+json");
    expect(failed.headers.get("Retry-After")).toBe("1");
    const problem = await failed.json<{ type: string; status: number; detail: string }>();
    expect(problem.status).toBe(503);
    expect(problem.type).toBe("urn:pqsearch:problem:index-unavailable");
    expect(problem.detail).not.toMatch(/pqsearch\//);

    const answered = await search(env.ASSETS);
    expect(answered.status).toBe(200);
    const body = await answered.json<{ total: number; hits: Array<{ questionText: string }> }>();
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.hits) expect(hit.questionText).toMatch(/^To ask /);
  });
});

describe("a sharded Worker whose related-questions file fails to load", () => {
  it("still serves the record page, without the related questions, and answers 503 on the API", async () => {
    // Read now: inside withEnv, `env.ASSETS` is the failing binding itself.
    const assets = env.ASSETS;
    const failingRelated = {
      fetch: (request: Request) =>
        /\/related-\d+\.json$/.test(new URL(request.url).pathname)
          ? Promise.resolve(new Response("unavailable", { status: 500 }))
          : assets.fetch(request),
    } as unknown as Fetcher;
    const list = await app.fetch(new Request("https://pq.test/v1/records?limit=1"), env);
    const id = (await list.json<{ records: Array<{ id: string }> }>()).records[0]?.id as string;
    const withAssets = (path: string, accept: string) =>
      withEnv({ ...env, ASSETS: failingRelated }, () =>
        app.fetch(new Request(`https://pq.test${path}`, { headers: { Accept: accept } }), {
          ...env,
          ASSETS: failingRelated,
        }),
      ) as Promise<Response>;
    const page = await withAssets(`/records/${id}`, "text/html");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="record-title"');
    expect(html).not.toContain('id="related-title"');
    expect((await withAssets(`/v1/records/${id}/related`, "application/json")).status).toBe(503);
    const healthy = await app.fetch(
      new Request(`https://pq.test/records/${id}`, { headers: { Accept: "text/html" } }),
      env,
    );
    expect(await healthy.text()).toContain('id="related-title"');
  });
});
