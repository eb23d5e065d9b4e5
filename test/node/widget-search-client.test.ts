import { afterEach, describe, expect, it, vi } from "vitest";
import { type Outcome, retryAfterSeconds, SearchClient } from "../../src/embed/widget/search-client";

/** A fetch whose answers the test releases one by one, in any order. */
function controlledFetch() {
  const calls: Array<{ url: string; answer(response: Response): void }> = [];
  vi.stubGlobal("fetch", (url: string) => new Promise<Response>((resolve) => calls.push({ url, answer: resolve })));
  return calls;
}

const results = (total: number) =>
  new Response(JSON.stringify({ total, limit: 8, offset: 0, hits: [], facets: {} }), { status: 200 });

function client() {
  const answers: Array<[string, Outcome]> = [];
  const busy: boolean[] = [];
  const searches = new SearchClient({
    answer: (url, outcome) => answers.push([url, outcome]),
    busy: (b) => busy.push(b),
  });
  return { searches, answers, busy };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

afterEach(() => vi.unstubAllGlobals());

describe("the widget's search client", () => {
  it("keeps one request in flight and sends only the newest query asked for meanwhile", async () => {
    const calls = controlledFetch();
    const { searches, answers } = client();
    searches.request("q=ge");
    searches.request("q=gen");
    searches.request("q=geno");
    expect(calls.map((call) => call.url)).toEqual(["q=ge"]);
    calls[0]?.answer(results(5));
    await settle();
    // The answer for "ge" is stale: nothing shown, and "geno" (not "gen") goes next.
    expect(answers).toEqual([]);
    expect(calls.map((call) => call.url)).toEqual(["q=ge", "q=geno"]);
    calls[1]?.answer(results(1));
    await settle();
    expect(answers.map(([url]) => url)).toEqual(["q=geno"]);
  });

  it("answers a query it has answered before from memory, without a request", async () => {
    const calls = controlledFetch();
    const { searches, answers } = client();
    searches.request("q=iran");
    calls[0]?.answer(results(17));
    await settle();
    searches.request("q=iran");
    expect(calls).toHaveLength(1);
    expect(answers).toHaveLength(2);
    searches.request("q=iran", true);
    expect(calls).toHaveLength(2);
  });

  it("says nothing once cancelled, and stops being busy", async () => {
    const calls = controlledFetch();
    const { searches, answers, busy } = client();
    searches.request("q=iran");
    searches.cancel();
    calls[0]?.answer(results(17));
    await settle();
    expect(answers).toEqual([]);
    expect(busy).toEqual([true, false]);
  });

  it("tells a 429 with its Retry-After apart from a failing service and a dropped connection", async () => {
    const calls = controlledFetch();
    const { searches, answers } = client();
    searches.request("a");
    calls[0]?.answer(new Response("{}", { status: 429, headers: { "Retry-After": "7" } }));
    await settle();
    searches.request("b");
    calls[1]?.answer(new Response("{}", { status: 503 }));
    await settle();
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    searches.request("c");
    await settle();
    expect(answers.map(([, outcome]) => outcome)).toEqual([
      { kind: "rate-limited", retryAfterSeconds: 7 },
      { kind: "unavailable", status: 503 },
      { kind: "dropped" },
    ]);
  });

  it("reads Retry-After as seconds or as a date, within 1 s and 5 min", () => {
    const now = Date.parse("2026-12-01T12:00:00Z");
    expect(retryAfterSeconds("60", now)).toBe(60);
    expect(retryAfterSeconds("Tue, 01 Dec 2026 12:00:20 GMT", now)).toBe(20);
    expect(retryAfterSeconds("0", now)).toBe(1);
    expect(retryAfterSeconds("99999", now)).toBe(300);
    expect(retryAfterSeconds(null, now)).toBe(30);
    expect(retryAfterSeconds("soon", now)).toBe(30);
  });
});
