/**
 * The real records saved from the written-questions API, read in place from ../shared/corpora
 * (never copied into the repo; see its SOURCES.md). Skipped where they are absent (a public
 * clone); real-questions.test.ts checks a committed subset everywhere.
 */
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { type ImportReport, importReport } from "../../index-build/import";
import { type Collection, type CompiledCollection, openCollection } from "../../src/engine";
import { FilterParams } from "../../src/schema/query";
import { CORPORA, describeWithCorpora } from "../support/corpora";
import { build, loadModule, PROJECT_ROOT, tempProject } from "./build-helpers";

const API_FILES = [
  "clquestions_api_tabled_2021-02-01.json",
  "clquestions_api_answered_2021-02-01.json",
  "aws_mock_api_questions_2024-01-05.json",
  "aws_mock_api_question_1679416.json",
];

/** Every API id in a saved file, read independently of the importer. */
function savedIds(name: string): number[] {
  const saved = JSON.parse(readFileSync(join(CORPORA, name), "utf8"));
  if (saved.results) return saved.results.map((result: { value: { id: number } }) => result.value.id);
  return [saved.value.id];
}

describeWithCorpora("importing the real corpora", () => {
  let report: ImportReport;
  beforeAll(async () => {
    report = await importReport([CORPORA], null, PROJECT_ROOT);
  });

  it("imports every record of the API files or reports it with a reason", () => {
    const read = new Map(report.files.map((file) => [file.file.replace(/^.*\//, ""), file]));
    for (const name of API_FILES) {
      const file = read.get(name);
      expect(file?.read).toBe(savedIds(name).length);
      expect(file?.valid).toBe(file?.read);
    }
    const unread = report.files.filter((file) => file.shape === null).map((file) => file.file.replace(/^.*\//, ""));
    const jsonFiles = readdirSync(CORPORA).filter((name) => name.endsWith(".json"));
    expect(unread.sort()).toEqual(jsonFiles.filter((name) => !API_FILES.includes(name)).sort());
    for (const name of unread) {
      const reasons = report.problems.filter((problem) => problem.location?.file.endsWith(name));
      expect(reasons.map((problem) => problem.detail)).toEqual([
        expect.stringMatching(/^expected one of the accepted JSON shapes: .*; found an object with keys /),
      ]);
    }
    expect(report.problems).toHaveLength(unread.length);
    expect(report.skipped.map((skip) => skip.path.replace(/^.*\//, "")).sort()).toEqual([
      "SOURCES.md",
      "twfy_parlparse_wrans_example_2005-06-29.xml",
    ]);
  });

  it("finds 1,003 distinct API ids in the two clquestions list files, the aws list file and the aws single question", () => {
    const ids = new Set(API_FILES.flatMap(savedIds));
    expect(ids.size).toBe(1003);
    expect(report.distinct).toBe(1003);
    expect(report.mergedCopies).toBe(7);
    expect(report.conflicts).toEqual([]);
  });

  it("marks the list endpoint's cut texts as truncated", () => {
    const values = API_FILES.slice(0, 3).flatMap((name) =>
      JSON.parse(readFileSync(join(CORPORA, name), "utf8")).results.map((result: { value: unknown }) => result.value),
    ) as Array<{ id: number; questionText: string; answerText: string | null }>;
    const distinct = new Map(values.map((value) => [value.id, value]));
    const cutQuestions = [...distinct.values()].filter((value) => value.questionText.length === 255).length;
    const cutAnswers = [...distinct.values()].filter((value) => value.answerText?.length === 258).length;
    expect(report.truncation).toMatchObject({ questionText: cutQuestions, answerText: cutAnswers, completed: 0 });
    expect(cutAnswers).toBe(843 + 16);
  });
});

// One build of the seed plus every API file serves all the tests below: it is the slow part. (Not
// run when the corpora are absent: vitest runs no hook of a file whose tests are all skipped.)
let collection: CompiledCollection;
beforeAll(async () => {
  const root = tempProject({}, true);
  for (const name of API_FILES) cpSync(join(CORPORA, name), join(root, "seeds", name));
  collection = await loadModule((await build(root)).source);
}, 60_000);

describeWithCorpora("building with the real API records added to the seed", () => {
  it("holds the seed's 18 records and 1,003 API questions, each with an id derived from its API id", () => {
    expect(collection.records).toHaveLength(18 + 1003);
    const api = collection.records.filter((record) => record.apiId !== undefined);
    expect(api).toHaveLength(1003);
    for (const record of api) expect(record.id).toBe(`wq-${record.apiId}`);
  });

  it("lets no HTML reach any record", () => {
    for (const record of collection.records) {
      const texts = [record.questionText, record.answer?.text ?? "", record.heading ?? ""];
      for (const text of texts) expect(text).not.toMatch(/<\/?[a-z][^>]*>|&(?:nbsp|amp|#\d+);/i);
    }
  });

  it("keeps a question that both big list files hold once, with both sources", () => {
    const both = collection.records.filter((record) => record.sources.length > 1 && record.apiId !== undefined);
    expect(both).toHaveLength(7);
    for (const record of both)
      expect(record.sources.map((source) => source.file.replace(/^.*\//, "")).sort()).toEqual([
        "clquestions_api_answered_2021-02-01.json",
        "clquestions_api_tabled_2021-02-01.json",
      ]);
  });

  it("counts answering bodies and headings as facets", () => {
    expect(collection.facetValues.body).toContain("Ministry of Defence");
    expect(collection.meta.facets.body["Department of Health and Social Care"]).toBeGreaterThan(100);
    expect(collection.meta.facets.heading["Coronavirus: Research"]).toBeGreaterThan(0);
  });
});

describeWithCorpora("filters, checked against the API's own filtered responses", () => {
  let filtered: Array<{ request_url: string; response: { results: Array<{ value: { id: number } }> } }>;
  const expectedIds = (requestPart: string) => {
    const response = filtered.find((entry) => entry.request_url.includes(requestPart));
    return (response?.response.results ?? []).map((result) => result.value.id).sort();
  };
  let engine: Collection;
  beforeAll(() => {
    filtered = JSON.parse(
      readFileSync(join(CORPORA, "clquestions_api_filtered_responses_2021-02-01.json"), "utf8"),
    ).responses;
    engine = openCollection(collection);
  });
  const idsOf = async (query: Record<string, string | string[]>) =>
    (await engine.list({ ...FilterParams.parse(query), limit: 1000, offset: 0 })).records
      .map((record) => record.apiId)
      .sort();

  it("body= with tabledFrom/tabledTo finds what answeringBodies=11&tabledWhenFrom/To found", async () => {
    const wanted = expectedIds("answeringBodies=11&tabledWhenFrom");
    expect(wanted).toHaveLength(23);
    expect(await idsOf({ body: "Ministry of Defence", tabledFrom: "2021-02-01", tabledTo: "2021-02-01" })).toEqual(
      wanted,
    );
  });

  it("body= with from/to finds what answeringBodies=11&answeredWhenFrom/To found", async () => {
    const wanted = expectedIds("answeringBodies=11&answeredWhenFrom");
    expect(wanted).toHaveLength(20);
    expect(await idsOf({ body: "Ministry of Defence", from: "2021-02-01", to: "2021-02-01" })).toEqual(wanted);
  });
});
