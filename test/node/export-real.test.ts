/**
 * Exports and cursor paging over the real records (the seed plus the UK Parliament API files in
 * the shared corpora, 1,021 records): more than any page or offset reaches, so only the stream
 * and the cursor can get them all out. Skipped, with the reason, where the corpora are absent.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { type Collection, type CompiledCollection, openCollection, type QuestionRecord } from "../../src/engine";
import { exportStream } from "../../src/exports/export-stream";
import { LIMITS } from "../../src/schema/query";
import { CORPORA, describeWithCorpora } from "../support/corpora";
import { csvRecords } from "../support/read-csv";
import { build, loadModule, tempProject } from "./build-helpers";

const API_FILES = [
  "clquestions_api_tabled_2021-02-01.json",
  "clquestions_api_answered_2021-02-01.json",
  "aws_mock_api_questions_2024-01-05.json",
  "aws_mock_api_question_1679416.json",
];

const recordUrl = (id: string) => `https://pq.example/records/${id}`;

describeWithCorpora("exporting the real records", () => {
  let compiled: CompiledCollection;
  let collection: Collection;
  beforeAll(async () => {
    const root = tempProject({}, true);
    for (const name of API_FILES) cpSync(join(CORPORA, name), join(root, "seeds", name));
    compiled = await loadModule((await build(root)).source);
    collection = openCollection(compiled);
  }, 120_000);

  const exported = async (format: "csv" | "ndjson", q = "") => {
    const text = await new Response(
      exportStream(await collection.select({ q, sort: "relevance" }), format, recordUrl),
    ).text();
    if (format === "csv") return csvRecords(text).map((row) => row.get("id") as string);
    return text
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as QuestionRecord).id);
  };

  it("holds more records than paging by offset can reach", () => {
    expect(compiled.records.length).toBe(1021);
    expect(compiled.records.length).toBeGreaterThan(LIMITS.pageDepth);
  });

  it.each(["csv", "ndjson"] as const)("exports every record exactly once as %s", async (format) => {
    const ids = await exported(format);
    expect(ids).toHaveLength(compiled.records.length);
    expect(new Set(ids)).toEqual(new Set(compiled.records.map((record) => record.id)));
  });

  it("exports a search's every match, in the order the search ranks them", async () => {
    const q = "vaccine";
    const { total, hits } = await collection.search({ q, sort: "relevance", limit: 50, offset: 0 });
    expect(total).toBeGreaterThan(50);
    for (const format of ["csv", "ndjson"] as const) {
      const ids = await exported(format, q);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(ids.slice(0, 50)).toEqual(hits.map((hit) => hit.id));
    }
  });

  it("walks every record by cursor, in source order, as the export of every record holds them", async () => {
    const walked: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await collection.list({ limit: LIMITS.recordsPageSize, offset: 0, cursor });
      walked.push(...page.records.map((record) => record.id));
      if (!page.more) break;
      cursor = page.records.at(-1)?.id;
    }
    expect(walked).toEqual(compiled.records.map((record) => record.id));
  });
});
