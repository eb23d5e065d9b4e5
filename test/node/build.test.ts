import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CompiledCollection } from "../../src/engine";
import type { QuestionRecord } from "../../src/schema/record";
import { build, loadModule, runCli, SEED_FILE, tempProject } from "./build-helpers";
import { blackman, memberBlock } from "./seed-layout";

async function compiled(root: string): Promise<CompiledCollection> {
  return loadModule((await build(root)).source);
}

const seedPath = `seeds/${SEED_FILE}`;

describe("building the seed collection", () => {
  it("yields 18 records, merging Baroness Eaton's repeated question and keeping both sources", async () => {
    const output = await build(tempProject({}, true));
    const collection: CompiledCollection = await loadModule(output.source);
    expect(collection.records).toHaveLength(18);
    expect(output.report.merges).toHaveLength(1);
    const merged = collection.records.find((record) => record.sources.length > 1) as QuestionRecord;
    expect(merged.askingMember.name).toBe("Baroness Eaton");
    expect(merged.questionText).toMatch(/17 December 2020/);
    expect(merged.sources).toEqual([
      { file: seedPath, line: 95 },
      { file: seedPath, line: 178 },
    ]);
  });

  it("lists the index keys and the vocabulary in UTF-16 code-unit order, as the engine's binary searches need", async () => {
    const collection: CompiledCollection = await loadModule((await build(tempProject({}, true))).source);
    for (const list of [collection.keys, collection.vocabulary.words]) {
      expect(list.length).toBeGreaterThan(100);
      for (let at = 1; at < list.length; at++) expect((list[at - 1] as string) < (list[at] as string)).toBe(true);
    }
  });

  it("records the preamble's first line as the title and the rest as the description", async () => {
    const { meta } = await compiled(tempProject({}, true));
    expect(meta.title).toMatch(/^Several UK Parliamentarians posed 20 parliamentary questions/);
    expect(meta.description).toMatch(/^In the summer of 1988/);
    expect(meta.description).toMatch(/posed the following parliamentary questions:$/);
  });

  it("produces byte-identical output, and the same build id, from the same seeds", async () => {
    const first = await build(tempProject({}, true));
    const second = await build(tempProject({}, true));
    expect(second.source).toBe(first.source);
    expect(second.report.buildId).toBe(first.report.buildId);
    expect(first.report.buildId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("keeps every record's id when another seed file is added", async () => {
    const before = await compiled(tempProject({}, true));
    const extra = [...memberBlock(blackman), "To ask the Secretary of State a new question."].join("\n");
    const after = await compiled(tempProject({ "001_more.txt": extra }, true));
    const idsAfter = new Map(after.records.map((record) => [record.questionText + record.sources[0]?.line, record.id]));
    for (const record of before.records)
      expect(idsAfter.get(record.questionText + record.sources[0]?.line)).toBe(record.id);
    expect(after.records).toHaveLength(19);
  });

  it("gives URL-safe ids", async () => {
    const { records } = await compiled(tempProject({}, true));
    for (const record of records) expect(record.id).toMatch(/^[a-z2-7]{12}$/);
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
  });
});

describe("JSON and JSON Lines seeds", () => {
  const record = {
    house: "Lords",
    askingMember: { name: "Baroness Example", party: "Crossbench", memberFrom: "Life peer" },
    questionText: "To ask His Majesty’s Government a question from JSON.",
    answer: {
      answeringMember: null,
      dateAnswered: "2022-01-31",
      text: "First paragraph.\n\nSecond paragraph.",
    },
    uin: "HL1234",
  };

  it("reads a JSON array and a JSONL file in the canonical record shape", async () => {
    const jsonl = `${JSON.stringify({ ...record, questionText: "To ask another." })}\n`;
    const { records } = await compiled(tempProject({ "a.json": JSON.stringify([record], null, 2), "b.jsonl": jsonl }));
    expect(records.map((r) => r.questionText)).toEqual([record.questionText, "To ask another."]);
    expect(records[0]).toMatchObject({
      answered: true,
      dateTabled: null,
      uin: "HL1234",
      sources: [{ file: "seeds/a.json", line: 2 }],
    });
  });

  it("merges a JSON record that duplicates a text record exactly", async () => {
    const text = [...memberBlock(blackman), "To ask a duplicated question."].join("\n");
    const json = {
      house: "Commons",
      askingMember: { name: "Bob Blackman", party: "Conservative", memberFrom: "Harrow East" },
      questionText: "To ask a duplicated question.",
      answer: null,
    };
    const output = await build(tempProject({ "a.txt": text, "b.json": JSON.stringify(json) }));
    expect(output.report.records).toBe(1);
    expect(output.report.merges[0]?.merged).toEqual([{ file: "seeds/b.json", line: 1 }]);
  });

  it("names the file, the field's own line and the field of a record that fails the schema", async () => {
    const bad = [record, { ...record, answer: { ...record.answer, dateAnswered: "2022-02-30" } }];
    // The second record starts on line 17; its answer's date is on line 27.
    await expect(build(tempProject({ "a.json": JSON.stringify(bad, null, 2) }))).rejects.toThrow(
      /^seeds\/a\.json:27: answer\.dateAnswered: expected a real calendar date, found "2022-02-30"$/,
    );
  });

  it("names the line of a JSON syntax error", async () => {
    await expect(
      build(tempProject({ "a.jsonl": `${JSON.stringify(record)}\n{"house": "Lords",,}\n` })),
    ).rejects.toThrow(/^seeds\/a\.jsonl:2: expected valid JSON, found a syntax error/);
  });

  it("rejects a url that is not http or https, so no script link can reach a page", async () => {
    await expect(
      build(tempProject({ "a.json": JSON.stringify({ ...record, url: "javascript:alert(1)" }) })),
    ).rejects.toThrow(/seeds\/a\.json:1: url: expected an http or https URL, found "javascript:alert\(1\)"/);
  });

  it("rejects unknown fields, so a misspelt field is not silently dropped", async () => {
    await expect(build(tempProject({ "a.json": JSON.stringify({ ...record, questonText: "x" }) }))).rejects.toThrow(
      /seeds\/a\.json:1: record: unexpected field\(s\) "questonText"/,
    );
  });
});

// Each test spawns the CLI (tsx start-up plus a build): seconds on a busy machine.
describe("the build command", { timeout: 30_000 }, () => {
  it("writes the module and prints records per file, merges and sizes", () => {
    const root = tempProject({}, true);
    const run = runCli(root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/seeds\/000_43bc1e8ddf995492\.txt: 19 records read/);
    expect(run.stdout).toMatch(
      /merged duplicate [a-z2-7]{12}: seeds\/000_43bc1e8ddf995492\.txt:95 = seeds\/000_43bc1e8ddf995492\.txt:178/,
    );
    expect(run.stdout).toMatch(/collection module: [\d.]+ KiB raw, [\d.]+ KiB gzip \([\d.]+% of the Free plan/);
    expect(existsSync(join(root, "src/generated/collection.js"))).toBe(true);
  });

  it("fails on a malformed seed with file:line, exits non-zero and leaves the previous output intact", () => {
    const root = tempProject({}, true);
    expect(runCli(root).status).toBe(0);
    const output = join(root, "src/generated/collection.js");
    const before = readFileSync(output, "utf8");
    writeFileSync(
      join(root, "seeds/002_bad.txt"),
      [...memberBlock(blackman), "To ask one.", "Answered on 31 Smarch 2021", "Text."].join("\n"),
    );
    const run = runCli(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^seeds\/002_bad\.txt:6: expected the answer date as 'd Month yyyy'/m);
    expect(run.stderr).toMatch(/previous output left as it was/);
    expect(readFileSync(output, "utf8")).toBe(before);
  });

  it("reports every bad file in one run", () => {
    const root = tempProject({ "a.txt": "No records here.", "b.jsonl": "{" });
    const run = runCli(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/seeds\/a\.txt:1: expected at least one record/);
    expect(run.stderr).toMatch(/seeds\/b\.jsonl:1: expected valid JSON/);
  });
});
