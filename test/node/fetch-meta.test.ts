/**
 * What the site says about a fetched collection: the build puts its definition and last refresh
 * into `/v1/meta` (`refresh`), and the home page shows them in one line.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runFetch } from "../../index-build/fetch/run";
import { buildCollection } from "../../index-build/pipeline";
import { SearchPage } from "../../src/pages/search-page";
import { EMPTY_STATE } from "../../src/pages/search-state";
import { Meta } from "../../src/schema/meta";
import { fetchProject, fixturePool, QUICK_API } from "../support/replay-pools";
import { ReplayServer } from "../support/replay-server";

const HEALTH = { name: "health", query: { answeringBodies: [17, 60], tabledWhenFrom: "2020-01-01" } };
const build = (root: string) => buildCollection({ seedsDir: join(root, "seeds"), projectRoot: root });

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fetched(): Promise<string> {
  server = new ReplayServer(fixturePool().questions);
  await server.start();
  const root = fetchProject({ sources: [HEALTH], api: QUICK_API });
  await runFetch({ projectRoot: root, baseUrl: server.url, now: () => new Date("2021-03-18T06:00:00Z") });
  return root;
}

describe("the site's account of a fetched collection", () => {
  it("puts what defines the collection and when it was refreshed into the meta, as the Meta schema describes", async () => {
    const { collection } = await build(await fetched());
    expect(collection.meta.refresh).toEqual({
      definedBy: [
        "Written questions to the Department of Health and Social Care or the Department for Education, tabled since 1 January 2020",
      ],
      refreshedAt: "2021-03-18T06:00:00.000Z",
    });
    expect(Meta.safeParse(collection.meta).success).toBe(true);
  });

  it("shows it on the home page in one line", async () => {
    const { collection } = await build(await fetched());
    // The component called as a function: the same markup the pages route renders.
    const page = String(
      await SearchPage({
        meta: collection.meta,
        state: EMPTY_STATE,
        result: null,
        errors: [],
        site: { title: "Written questions", origin: "https://example.org", published: null },
        suggestPath: null,
      }),
    );
    expect(page).toContain(
      '<p class="refreshed">Written questions to the Department of Health and Social Care or the Department for Education, tabled since 1 January 2020. Last refreshed <time datetime="2021-03-18T06:00:00.000Z">18 March 2021</time>.</p>',
    );
  });

  it("says nothing of a refresh for a collection that was never fetched", async () => {
    const { collection } = await build(fetchProject({ sources: [HEALTH] }, { "seeds/a.json": "[]" }));
    expect(collection.meta.refresh).toBeUndefined();
  });

  it("fails the build naming the state file when it is not the fetch's", async () => {
    const root = await fetched();
    writeFileSync(join(root, "seeds/.fetch-state.json"), '{"sources": [{"name": "health"}]}');
    await expect(build(root)).rejects.toThrow(
      /^seeds\/\.fetch-state\.json:1: sources\.0\.file: .*restore it from git$/m,
    );
  });
});
