/** The collection's definition in pqsearch.config.json, and the requests it turns into. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pagePath, planQueries } from "../../index-build/fetch/api-query";
import { CollectionQuery, readCollectionConfig } from "../../index-build/fetch/config";
import { buildLimits } from "../../index-build/limits";
import { fetchProject } from "../support/replay-pools";

const configError = (collection: unknown) => {
  try {
    readCollectionConfig(fetchProject(collection));
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
};

describe("the collection's definition", () => {
  it("fills in the polite defaults and sits beside the size budgets, which ignore it", () => {
    const root = fetchProject({ sources: [{ name: "covid", query: { searchTerm: "long covid" } }] });
    writeFileSync(
      join(root, "pqsearch.config.json"),
      JSON.stringify({
        plan: "paid",
        collection: { sources: [{ name: "covid", query: { searchTerm: "long covid" } }] },
      }),
    );
    const config = readCollectionConfig(root);
    expect(config.sources[0]?.query).toEqual({ searchTerm: "long covid", house: "Bicameral", includeWithdrawn: true });
    expect(config.api).toEqual({
      baseUrl: "https://questions-statements-api.parliament.uk",
      pageSize: 100,
      concurrency: 4,
      requestBudget: 5000,
      timeoutSeconds: 30,
      retries: 5,
      retryBaseSeconds: 1,
      maxRetryWaitSeconds: 120,
    });
    expect(buildLimits(root, {}).plan).toBe("paid");
  });

  it("names the line and key of a misspelt parameter", () => {
    expect(
      configError({ sources: [{ name: "covid", query: { serchTerm: "covid", tabledWhenFrom: "2020-01-01" } }] }),
    ).toBe(
      'pqsearch.config.json:7: collection.sources[0].query: unexpected key(s) "serchTerm" (see README, "Keeping the collection up to date", for the keys)',
    );
  });

  it("refuses a definition that would fetch every question ever tabled", () => {
    expect(configError({ sources: [{ name: "all", query: { house: "Lords" } }] })).toMatch(
      /collection\.sources\[0\]\.query: expected at least one of searchTerm, answeringBodies/,
    );
  });

  it("refuses impossible dates, a backwards range, duplicate names and a page size the API would not serve", () => {
    const query = { tabledWhenFrom: "2021-02-30" };
    expect(configError({ sources: [{ name: "a", query }] })).toMatch(
      /query\.tabledWhenFrom: expected a real calendar date, found "2021-02-30"/,
    );
    const backwards = { tabledWhenFrom: "2021-02-01", tabledWhenTo: "2020-02-01" };
    expect(configError({ sources: [{ name: "a", query: backwards }] })).toMatch(
      /query\.tabledWhenTo: expected a date on or after tabledWhenFrom/,
    );
    const twice = { name: "a", query: { searchTerm: "x" } };
    expect(configError({ sources: [twice, twice] })).toMatch(/sources\[1\]\.name: expected a name no other source has/);
    expect(configError({ sources: [twice], api: { pageSize: 5000 } })).toMatch(
      /api\.pageSize: expected at most 1000, found number 5000/,
    );
  });
});

describe("the requests a definition makes", () => {
  const query = CollectionQuery.parse({
    searchTerm: "long covid",
    answeringBodies: [17, 11],
    tabledWhenFrom: "2020-01-01",
  });

  it("asks for the whole definition with the API's own parameters, arrays as repeated keys", () => {
    const [whole] = planQueries(query, null);
    expect(whole && pagePath(whole, 200, 100)).toBe(
      "/api/writtenquestions/questions?expandMember=true&searchTerm=long+covid&house=Bicameral&answeringBodies=17&answeringBodies=11&includeWithdrawn=true&tabledWhenFrom=2020-01-01&skip=200&take=100",
    );
  });

  it("asks, since a date, for what was tabled, answered or corrected on or after it", () => {
    const since = planQueries(query, "2026-11-23").map((planned) => new URLSearchParams(planned.params));
    expect(
      since.map((params) => [
        params.get("tabledWhenFrom"),
        params.get("answeredWhenFrom"),
        params.get("correctedWhenFrom"),
      ]),
    ).toEqual([
      ["2026-11-23", null, null],
      ["2020-01-01", "2026-11-23", null],
      ["2020-01-01", null, "2026-11-23"],
    ]);
  });

  it("does not ask for new questions past the definition's last tabling date", () => {
    const closed = CollectionQuery.parse({ searchTerm: "x", tabledWhenTo: "2021-01-31" });
    expect(planQueries(closed, "2026-11-23").map((planned) => planned.label)).toEqual([
      "answered since 2026-11-23",
      "corrected since 2026-11-23",
    ]);
  });
});
