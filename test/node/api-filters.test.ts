import { beforeAll, describe, expect, it } from "vitest";
import { type Collection, openCollection } from "../../src/engine";
import { FilterParams, SearchParams } from "../../src/schema/query";
import { fixtureText } from "./api-fixtures";
import { build, loadModule, tempProject } from "./build-helpers";

describe("filtering and faceting on the API's richer fields", () => {
  let engine: Collection;
  beforeAll(async () => {
    const root = tempProject(
      { "a.json": fixtureText("list-expanded.json"), "c.json": fixtureText("question-array.json") },
      true,
    );
    engine = openCollection(await loadModule((await build(root)).source));
  });
  const apiIds = async (query: Record<string, string | string[]>) => {
    const filters = FilterParams.parse(query);
    return (await engine.list({ ...filters, limit: 100, offset: 0 })).records
      .map((record) => record.apiId ?? "seed")
      .sort();
  };

  it("body= keeps questions answered by any of the named bodies", async () => {
    expect(await apiIds({ body: "Ministry of Defence" })).toEqual([9000003]);
    expect(await apiIds({ body: ["Ministry of Defence", "Department for Education"] })).toEqual([9000003, 9000004]);
  });

  it("uin= matches every question with that UIN, in any case", async () => {
    expect(await apiIds({ uin: "146758" })).toEqual([9000001, 9000003]);
    expect(await apiIds({ uin: "hl12826" })).toEqual([9000002]);
  });

  it("heading= keeps questions with that heading", async () => {
    expect(await apiIds({ heading: "Prosthetics" })).toEqual([9000002]);
  });

  it("tabledFrom and tabledTo bound dateTabled inclusively and leave out records without one", async () => {
    expect(await apiIds({ tabledFrom: "2021-02-01", tabledTo: "2021-02-01" })).toEqual([9000001, 9000002]);
    expect(await apiIds({ tabledTo: "2020-12-31" })).toEqual([9000003]);
    expect(await apiIds({ tabledFrom: "2024-01-05" })).toEqual([9000004]);
  });

  it("counts answering bodies and headings over the matches", async () => {
    const result = await engine.search(SearchParams.parse({ uin: "146758" }));
    expect({ ...result.facets.body }).toEqual({ "Department of Health and Social Care": 1, "Ministry of Defence": 1 });
    expect({ ...result.facets.heading }).toEqual({ "NHS: Medical Records": 1, "Reserve Forces": 1 });
    expect(engine.meta.facets.body["Department for Education"]).toBe(1);
  });

  it("searches the words of a cleaned HTML answer", async () => {
    const root = tempProject({ "b.json": fixtureText("single-question.json") });
    const single = openCollection(await loadModule((await build(root)).source));
    expect((await single.search(SearchParams.parse({ q: "fair terms" }))).total).toBe(1);
    expect((await single.search(SearchParams.parse({ q: "blank" }))).total).toBe(0);
  });
});
