/**
 * Real written questions, always: the attributed subset in test/fixtures/real-questions (see its
 * README) imported, built and filtered, checked against the API's own filtered responses. The
 * whole corpora, where present, are tested in parliament-api-corpora.test.ts.
 */
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ImportReport, importReport } from "../../index-build/import";
import { type Collection, type CompiledCollection, openCollection } from "../../src/engine";
import { FilterParams } from "../../src/schema/query";
import { build, loadModule, PROJECT_ROOT, tempProject } from "./build-helpers";

const FIXTURE = join(PROJECT_ROOT, "test/fixtures/real-questions");
const TABLED = "clquestions_api_tabled_2021-02-01_sample.json";
const ANSWERED = "clquestions_api_answered_2021-02-01_sample.json";
const LISTS = [TABLED, ANSWERED];

interface ApiValue {
  id: number;
  askingMemberId: number;
  askingMember: { name: string };
  questionText: string;
  answerText: string | null;
}
const valuesOf = (name: string): ApiValue[] =>
  JSON.parse(readFileSync(join(FIXTURE, name), "utf8")).results.map((result: { value: ApiValue }) => result.value);
/** The API's answer to each filtered request, as ids, keyed by the request's query string. */
const apiAnswers: Array<{ request_url: string; ids: number[] }> = JSON.parse(
  readFileSync(join(FIXTURE, "clquestions_api_filtered_ids_2021-02-01.json"), "utf8"),
);
function apiAnswer(requestPart: string): number[] {
  const answer = apiAnswers.find((entry) => entry.request_url.includes(requestPart));
  if (!answer) throw new Error(`no filtered response for ${requestPart}`);
  return [...answer.ids].sort();
}

let report: ImportReport;
let collection: CompiledCollection;
let engine: Collection;
beforeAll(async () => {
  const root = tempProject({}, true);
  for (const name of LISTS) cpSync(join(FIXTURE, name), join(root, "seeds", name));
  report = await importReport([join(root, "seeds")], null, root);
  collection = await loadModule((await build(root)).source);
  engine = openCollection(collection);
}, 60_000);

describe("importing real API list responses", () => {
  it("reads every record of both list files as valid, and merges the seven they share", () => {
    const files = new Map(report.files.map((file) => [file.file.replace(/^.*\//, ""), file]));
    for (const name of LISTS)
      expect(files.get(name)).toMatchObject({ read: valuesOf(name).length, valid: valuesOf(name).length });
    const ids = new Set(LISTS.flatMap((name) => valuesOf(name).map((value) => value.id)));
    expect(report.problems).toEqual([]);
    expect(report.distinct).toBe(ids.size + 18);
    expect(report.mergedCopies).toBe(7 + 1); // the seed's own repeated question, and the shared API records
    expect(report.conflicts).toEqual([]);
  });

  it("counts the list endpoint's cut texts: questions at exactly 255 characters, answers at 255 plus an ellipsis", () => {
    const distinct = new Map(LISTS.flatMap((name) => valuesOf(name).map((value) => [value.id, value] as const)));
    const values = [...distinct.values()];
    const cutQuestions = values.filter((value) => value.questionText.length === 255).length;
    const cutAnswers = values.filter((value) => value.answerText?.length === 258).length;
    expect(cutAnswers).toBeGreaterThan(10);
    expect(report.truncation).toMatchObject({ questionText: cutQuestions, answerText: cutAnswers, completed: 0 });
  });
});

describe("building real API records into the collection", () => {
  it("gives each API question an id from its API id, and keeps both sources of a shared one", () => {
    const api = collection.records.filter((record) => record.apiId !== undefined);
    expect(api).toHaveLength(report.distinct - 18);
    for (const record of api) expect(record.id).toBe(`wq-${record.apiId}`);
    const shared = api.filter((record) => record.sources.length > 1);
    expect(shared).toHaveLength(7);
    for (const record of shared)
      expect(record.sources.map((source) => source.file.replace(/^.*\//, "")).sort()).toEqual([ANSWERED, TABLED]);
  });

  it("lets no HTML or entity reach any record", () => {
    for (const record of collection.records)
      for (const text of [record.questionText, record.answer?.text ?? "", record.heading ?? ""])
        expect(text).not.toMatch(/<\/?[a-z][^>]*>|&(?:nbsp|amp|#\d+);/i);
  });
});

describe("filters, checked against the API's own filtered responses", () => {
  const idsOf = async (query: Record<string, string | string[]>) =>
    (await engine.list({ ...FilterParams.parse(query), limit: 1000, offset: 0 })).records
      .map((record) => record.apiId)
      .sort();

  it("body= with tabledFrom/tabledTo finds what answeringBodies=11&tabledWhenFrom/To found", async () => {
    const wanted = apiAnswer("answeringBodies=11&tabledWhenFrom");
    expect(wanted).toHaveLength(23);
    expect(await idsOf({ body: "Ministry of Defence", tabledFrom: "2021-02-01", tabledTo: "2021-02-01" })).toEqual(
      wanted,
    );
  });

  it("body= with from/to finds what answeringBodies=11&answeredWhenFrom/To found", async () => {
    const wanted = apiAnswer("answeringBodies=11&answeredWhenFrom");
    expect(wanted).toHaveLength(20);
    expect(await idsOf({ body: "Ministry of Defence", from: "2021-02-01", to: "2021-02-01" })).toEqual(wanted);
  });

  it("member= with tabledFrom/tabledTo finds what askingMemberId=4651&tabledWhenFrom/To found", async () => {
    const wanted = apiAnswer("askingMemberId=4651&tabledWhenFrom");
    const name = valuesOf(TABLED).find((value) => value.askingMemberId === 4651)?.askingMember.name ?? "";
    expect(wanted).toHaveLength(9);
    expect(await idsOf({ member: name, tabledFrom: "2021-02-01", tabledTo: "2021-02-01" })).toEqual(wanted);
  });
});
