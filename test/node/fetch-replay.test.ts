/**
 * `npm run fetch` against the replay server with the repo's own fixtures: what it writes, what a
 * second run does, what it reports as changed, and how it survives the API misbehaving.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FetchError } from "../../index-build/fetch/fetch-error";
import { type FetchOptions, runFetch } from "../../index-build/fetch/run";
import { buildCollection } from "../../index-build/pipeline";
import { fetchProject, fixturePool, QUICK_API } from "../support/replay-pools";
import { type FaultRule, ReplayServer } from "../support/replay-server";

const SEED = "seeds/parliament-health.json";
const HEALTH = { name: "health", query: { answeringBodies: [17, 60], tabledWhenFrom: "2020-01-01" } };

let servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function replay(faults: FaultRule[] = []) {
  const { questions, later } = fixturePool();
  const server = new ReplayServer(questions, faults);
  await server.start();
  servers.push(server);
  return { server, later };
}

function project(api: Record<string, unknown> = {}) {
  return fetchProject({ sources: [HEALTH], api: { ...QUICK_API, ...api } });
}

const fetchFrom = (root: string, server: ReplayServer, options: Partial<FetchOptions> = {}) =>
  runFetch({ projectRoot: root, baseUrl: server.url, ...options });

const seedText = (root: string) => readFileSync(join(root, SEED), "utf8");
// biome-ignore lint/suspicious/noExplicitAny: records are read loosely to check their fields.
const seedRecords = (root: string): any[] => JSON.parse(seedText(root));
const listRequests = (server: ReplayServer) => server.requests.filter((request) => request.url.includes("skip="));
const fullTextRequests = (server: ReplayServer) =>
  server.requests.filter((request) => /questions\/\d+/.test(request.url));

describe("fetching a collection from the replay server", () => {
  it("writes one seed file of canonical records sorted by API id, with the single-question endpoint's full texts", async () => {
    const { server } = await replay();
    const root = project();
    const run = await fetchFrom(root, server);
    const records = seedRecords(root);
    const ids = records.map((record) => record.apiId);
    // DHSC (17) and DfE (60) questions tabled since 2020; 9000003 was tabled in 2019.
    expect(ids).toEqual([1281317, 1282216, 1282394, 1282556, 1282583, 1282636, 1282662, 1679416, 9000001, 9000002]);
    const byId = new Map(records.map((record) => [record.apiId, record]));
    // A list copy cut at 255 + "...": the server has its full copy, so the record holds the whole answer.
    expect(byId.get(9000001).truncated).toBeUndefined();
    expect(byId.get(9000001).answer.text).toMatch(/Foundations of Fairness/);
    expect(byId.get(9000001).answer.text.length).toBeGreaterThan(258);
    // Known in full only: listed cut by the server, then fetched whole, its HTML cleaned.
    expect(byId.get(1679416).answer.text).not.toMatch(/<p>|<a /);
    expect(byId.get(1679416).answer.text).toContain(
      "https://www.gov.uk/government/publications/flexi-job-apprenticeships",
    );
    // No full copy anywhere (a 404): the cut copy stays, and says so.
    expect(byId.get(1282662).truncated).toEqual(["answerText"]);
    expect(run.outcomes[0]?.warnings.join("\n")).toMatch(/keep their cut texts .* \(404\)/);
    expect(Object.keys(records[0])[0]).toBe("apiId");
    expect(seedText(root).endsWith("]\n")).toBe(true);
    // Ten questions at three a page, one request per page; a full-text request per cut list copy (five).
    expect(listRequests(server).map((request) => new URL(request.url, "http://x").searchParams.get("skip"))).toEqual([
      "0",
      "3",
      "6",
      "9",
    ]);
    expect(fullTextRequests(server)).toHaveLength(5);
    expect(run.stats.requests).toBe(9);
  });

  it("sends only the API's documented parameters, with expandMember=true and the definition's filters", async () => {
    const { server } = await replay();
    await fetchFrom(project(), server);
    const first = new URL(listRequests(server)[0]?.url ?? "", "http://x").searchParams;
    expect(first.get("expandMember")).toBe("true");
    expect(first.getAll("answeringBodies")).toEqual(["17", "60"]);
    expect(first.get("tabledWhenFrom")).toBe("2020-01-01");
    expect(first.get("take")).toBe("3");
    expect(server.requests.every((request) => request.status === 200 || request.status === 404)).toBe(true);
  });

  it("yields the records the build makes from the same questions saved by hand, with full texts where the server has them", async () => {
    const { server } = await replay();
    const root = project();
    await fetchFrom(root, server);
    const fetched = await buildCollection({ seedsDir: join(root, "seeds"), projectRoot: root });
    // The same questions as API files dropped into seeds/, the way partners import today.
    const saved = fixturePool().questions.filter((question) => question.id !== 9000003);
    const byHand = fetchProject(
      { sources: [HEALTH] },
      {
        "seeds/list.json": JSON.stringify({
          totalResults: saved.length,
          results: saved.filter((q) => q.list).map((q) => ({ value: q.list, links: [] })),
        }),
        ...Object.fromEntries(
          saved
            .filter((q) => q.single)
            .map((q) => [`seeds/single-${q.id}.json`, JSON.stringify({ value: q.single, links: [] })]),
        ),
      },
    );
    const imported = await buildCollection({ seedsDir: join(byHand, "seeds"), projectRoot: byHand });
    const strip = (records: typeof fetched.collection.records) =>
      records.map(({ sources: _sources, ...record }) => record).sort((a, b) => (a.apiId ?? 0) - (b.apiId ?? 0));
    expect(strip(fetched.collection.records)).toEqual(strip(imported.collection.records));
  });

  it("changes no byte on a second run with nothing new, and asks for no full text it already holds", async () => {
    const { server } = await replay();
    const root = project();
    await fetchFrom(root, server);
    const seeds = readdirSync(join(root, "seeds")).map((name) => [
      name,
      readFileSync(join(root, "seeds", name), "utf8"),
    ]);
    const before = server.requests.length;
    const again = await fetchFrom(root, server, { full: true });
    expect(
      readdirSync(join(root, "seeds")).map((name) => [name, readFileSync(join(root, "seeds", name), "utf8")]),
    ).toEqual(seeds);
    expect(again.outcomes[0]?.changes).toEqual([]);
    expect(again.outcomes[0]?.written).toBe(false);
    // Only the pages and the one question whose full text was missing (a 404) last time.
    const second = server.requests.slice(before);
    expect(second.filter((request) => /questions\/\d+/.test(request.url)).map((request) => request.url)).toEqual([
      "/api/writtenquestions/questions/1282583?expandMember=true",
      "/api/writtenquestions/questions/1282636?expandMember=true",
      "/api/writtenquestions/questions/1282662?expandMember=true",
    ]);
    expect(existsSync(join(root, ".pqsearch/fetch/health"))).toBe(false);
  });
});
