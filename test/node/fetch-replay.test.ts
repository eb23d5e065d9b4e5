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

type Value = Record<string, unknown>;
function edit(server: ReplayServer, id: number, change: (value: Value) => Value) {
  const question = server.questions.find((candidate) => candidate.id === id);
  if (!question?.list) throw new Error(`no list copy of ${id}`);
  question.list = change(question.list);
}

describe("fetching what changed since the last fetch", () => {
  it("asks only for what was tabled, answered or corrected since, and reports each kind of change", async () => {
    const { server, later } = await replay();
    const root = project();
    await fetchFrom(root, server, { now: () => new Date("2021-03-18T06:00:00Z") });
    const argar = { id: 4362, name: "Edward Argar", party: "Conservative", memberFrom: "Charnwood" };
    edit(server, 1282394, (value) => ({
      ...value,
      dateAnswered: "2021-03-19T00:00:00",
      answerText: "<p>The Department has no plans to change this.</p>",
      answeringMemberId: argar.id,
      answeringMember: argar,
    }));
    edit(server, 1282556, (value) => ({
      ...value,
      answerIsHolding: false,
      dateAnswered: "2021-03-19T00:00:00",
      answerText: "<p>A substantive answer, replacing the holding one.</p>",
    }));
    edit(server, 1282662, (value) => ({
      ...value,
      answerIsCorrection: true,
      dateAnswerCorrected: "2021-03-19T00:00:00",
      answerText: "<p>The corrected answer.</p>",
    }));
    server.questions.push({ ...later, list: { ...later.list, dateTabled: "2021-03-19T00:00:00" } });
    const before = server.requests.length;
    const run = await fetchFrom(root, server, { now: () => new Date("2021-03-20T06:00:00Z") });

    const lists = server.requests.slice(before).map((request) => new URL(request.url, "http://x").searchParams);
    expect(
      lists.map((params) => [
        params.get("tabledWhenFrom"),
        params.get("answeredWhenFrom"),
        params.get("correctedWhenFrom"),
      ]),
    ).toEqual([
      ["2021-03-18", null, null],
      ["2020-01-01", "2021-03-18", null],
      ["2020-01-01", null, "2021-03-18"],
    ]);
    const changes = run.outcomes[0]?.changes.map((change) => [change.kind, change.apiId]);
    expect(changes).toEqual([
      ["new question", 1282350],
      ["newly answered", 1282394],
      ["holding answer replaced", 1282556],
      ["answer corrected", 1282662],
    ]);
    const byId = new Map(seedRecords(root).map((record) => [record.apiId, record]));
    expect(byId.get(1282556).answer.text).toBe("A substantive answer, replacing the holding one.");
    expect(byId.get(1282662).truncated).toBeUndefined();
    // Untouched questions keep the full texts fetched the first time.
    expect(byId.get(9000001).answer.text).toMatch(/Foundations of Fairness/);
    const state = JSON.parse(readFileSync(join(root, "seeds/.fetch-state.json"), "utf8"));
    expect(state.sources[0]).toMatchObject({
      name: "health",
      file: SEED,
      fetchedAt: "2021-03-20T06:00:00.000Z",
      records: 11,
      definedBy:
        "Written questions to the Department of Health and Social Care or the Department for Education, tabled since 1 January 2020",
    });
  });

  it("sees a withdrawal on a full fetch, which asks for the whole definition again", async () => {
    const { server } = await replay();
    const root = project();
    await fetchFrom(root, server);
    edit(server, 1282216, (value) => ({ ...value, isWithdrawn: true }));
    const run = await fetchFrom(root, server, { full: true });
    expect(run.outcomes[0]?.changes.map((change) => [change.kind, change.apiId])).toEqual([["withdrawn", 1282216]]);
  });

  it("fetches the whole definition again when it changed, dropping what it no longer covers", async () => {
    const { server } = await replay();
    const root = project();
    await fetchFrom(root, server);
    const narrower = fetchProject({ sources: [{ ...HEALTH, query: { answeringBodies: [60] } }], api: QUICK_API });
    const config = readFileSync(join(narrower, "pqsearch.config.json"), "utf8");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(root, "pqsearch.config.json"), config);
    const run = await fetchFrom(root, server);
    expect(seedRecords(root).map((record) => record.apiId)).toEqual([1679416]);
    expect(run.outcomes[0]?.changes.filter((change) => change.kind === "removed")).toHaveLength(9);
  });
});

describe("a fetch when the API misbehaves", () => {
  it("loses and duplicates nothing through 429s, a 5xx burst, a timeout and a connection dropped mid-page", async () => {
    const clean = await replay();
    const cleanRoot = project();
    await fetchFrom(cleanRoot, clean.server);

    const { server } = await replay([
      { match: /skip=0&/, times: 1, fault: { kind: "timeout" } },
      { match: /skip=3&/, times: 1, fault: { kind: "status", status: 429, retryAfter: "1" } },
      { match: /skip=6&/, times: 3, fault: { kind: "status", status: 503 } },
      { match: /skip=9&/, times: 1, fault: { kind: "drop" } },
      { match: /questions\/9000001/, times: 2, fault: { kind: "status", status: 502 } },
    ]);
    const root = project();
    const run = await fetchFrom(root, server);
    expect(seedText(root)).toBe(seedText(cleanRoot));
    expect(run.stats.retries).toBe(8);
    expect([...run.stats.retryReasons.keys()].sort()).toEqual([
      "429 Too Many Requests",
      "502 Bad Gateway",
      "503 Service Unavailable",
      "connection dropped",
      "timed out after 2 s",
    ]);
    // Retry-After: 1 is honoured: the page that got the 429 is asked again a second later, not sooner.
    const page3 = server.requests.filter((request) => /skip=3&/.test(request.url));
    expect(page3).toHaveLength(2);
    expect((page3[1]?.at ?? 0) - (page3[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("never has more requests in flight than its concurrency", async () => {
    const { server } = await replay();
    server.delayMs = 40; // so that requests overlap
    await fetchFrom(project({ concurrency: 2 }), server);
    expect(server.mostInFlight).toBe(2);
  });

  it("resumes after running out of request budget, asking for nothing twice", async () => {
    const { server } = await replay();
    const cleanRoot = project();
    const clean = await replay();
    await fetchFrom(cleanRoot, clean.server);

    const root = project();
    const stopped = await fetchFrom(root, server, { api: { requestBudget: 6 } }).catch((error) => error);
    expect(stopped).toBeInstanceOf(FetchError);
    expect(stopped.kind).toBe("budget");
    expect(existsSync(join(root, SEED))).toBe(false);
    expect(existsSync(join(root, "seeds/.fetch-state.json"))).toBe(false);
    const first = server.requests.length;
    await fetchFrom(root, server);
    expect(seedText(root)).toBe(seedText(cleanRoot));
    const urls = server.requests.map((request) => request.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(first).toBe(6);
    expect(urls).toHaveLength(clean.server.requests.length);
  });

  it("fails naming the request when the API answers a shape it does not know, writing nothing", async () => {
    const { server } = await replay([{ times: 1, fault: { kind: "body", body: '{"items": []}' } }]);
    const root = project();
    const error = await fetchFrom(root, server).catch((caught) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/writtenquestions\/questions\?expandMember=true&.*&skip=0&take=3: the API answered a shape pqsearch does not know: totalResults: expected the number of results, found nothing$/,
    );
    expect(readdirSync(join(root, "seeds"))).toEqual([]);
  });

  it("fails naming the question's field when one question in a page is not the API's question", async () => {
    const { questions } = fixturePool();
    const bad = { ...(questions[0]?.list as Value), dateTabled: "soon" };
    const body = JSON.stringify({ totalResults: 1, results: [{ value: bad, links: [] }] });
    const { server } = await replay([{ times: 1, fault: { kind: "body", body } }]);
    const error = await fetchFrom(project(), server).catch((caught) => caught);
    expect(error.message).toMatch(
      /skip=0&take=3: the API answered a shape .*: results\[0\]\.value\.dateTabled: expected a date as YYYY-MM-DDThh:mm:ss, found "soon"$/,
    );
  });

  it("fails saying the API could not be reached when nothing listens at the base URL", async () => {
    const { server } = await replay();
    const url = server.url;
    await server.close();
    servers = [];
    const root = project({ retries: 1 });
    const error = await runFetch({ projectRoot: root, baseUrl: url }).catch((caught) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toMatch(/: the API could not be reached after 2 attempt\(s\) \(connection refused\)$/);
    expect(readdirSync(join(root, "seeds"))).toEqual([]);
  });
});
