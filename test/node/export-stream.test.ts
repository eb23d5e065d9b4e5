/**
 * Exports from the engine, without the Worker: the stream reads a bounded slice per chunk and
 * nothing before it is read, and a CSV of hostile values opens safely in a spreadsheet.
 */
import { describe, expect, it } from "vitest";
import { type CompiledCollection, openCollection, type QuestionRecord, type Selection } from "../../src/engine";
import { csvCell } from "../../src/exports/csv";
import { EXPORT_SLICE, exportStream } from "../../src/exports/export-stream";
import { csvRecords } from "../support/read-csv";
import { build, loadModule, tempProject } from "./build-helpers";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** A selection of `total` made-up records that notes every slice asked of it. */
function countingSelection(total: number, asked: Array<[number, number]>): Selection {
  return {
    total,
    async records(start, count) {
      asked.push([start, count]);
      return Array.from({ length: Math.max(0, Math.min(count, total - start)) }, (_, at) => ({
        id: `r${start + at}`,
      })) as unknown as QuestionRecord[];
    },
  };
}

describe("the export stream", () => {
  it("reads nothing until the client reads, then one bounded slice per chunk", async () => {
    const asked: Array<[number, number]> = [];
    const stream = exportStream(countingSelection(1234, asked), "ndjson", (id) => id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual([]);
    const reader = stream.getReader();
    const first = await reader.read();
    expect(asked).toEqual([[0, EXPORT_SLICE]]);
    expect(new TextDecoder().decode(first.value).split("\n").filter(Boolean)).toHaveLength(EXPORT_SLICE);
    await reader.cancel();
    expect(asked).toHaveLength(1);
  });

  it("streams every record once, in order, however many there are", async () => {
    const asked: Array<[number, number]> = [];
    const text = await readAll(exportStream(countingSelection(1234, asked), "ndjson", (id) => id));
    const ids = text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(Array.from({ length: 1234 }, (_, at) => `r${at}`));
    expect(asked.every(([, count]) => count <= EXPORT_SLICE)).toBe(true);
    expect(asked).toHaveLength(Math.ceil(1234 / EXPORT_SLICE));
  });
});

describe("CSV cells", () => {
  it.each([
    ["=SUM(A1:A9)", '"\'=SUM(A1:A9)"'],
    ["+44 20 7219 3000", '"\'+44 20 7219 3000"'],
    ["-2+3", '"\'-2+3"'],
    ["@SUM(1)", '"\'@SUM(1)"'],
    ["\t=1", '"\'\t=1"'],
    ["\r=1", '"\'\r=1"'],
    ['say "hi", then', '"say ""hi"", then"'],
    ["line one\nline two", '"line one\nline two"'],
    ["Plain text = fine", '"Plain text = fine"'],
    [null, '""'],
  ])("writes %j as %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("a CSV export of hostile values", () => {
  const hostile = {
    house: "Commons",
    uin: "=1+1",
    heading: '=HYPERLINK("https://evil.example","Click")',
    answeringBody: "@SUM(1+1)*cmd|' /C calc'!A0",
    askingMember: { name: "+Jo Bloggs", party: "-Independent", memberFrom: "=Somewhere" },
    questionText: '=cmd|" /C calc"!A0 To ask the Secretary of State about "quotes", commas, and\nnew lines.',
    answer: { answeringMember: null, dateAnswered: "2021-09-15", text: "-1 is the answer.\n\n=2 is not." },
  };

  it("prefixes every cell a spreadsheet would run, and keeps every value otherwise as it was", async () => {
    const root = tempProject({ "hostile.json": JSON.stringify([hostile]) });
    const collection: CompiledCollection = await loadModule((await build(root)).source);
    const selection = await openCollection(collection).select({ q: "", sort: "relevance" });
    const text = await readAll(exportStream(selection, "csv", (id) => `https://pq.example/records/${id}`));
    const [row] = csvRecords(text);
    expect(row).toBeDefined();
    for (const [header, value] of row as Map<string, string>) expect(value, header).not.toMatch(/^[=+\-@\t\r]/);
    expect(row?.get("uin")).toBe("'=1+1");
    expect(row?.get("heading")).toBe(`'${hostile.heading}`);
    expect(row?.get("answeringBody")).toBe(`'${hostile.answeringBody}`);
    expect(row?.get("askingMember")).toBe("'+Jo Bloggs");
    expect(row?.get("askingMemberParty")).toBe("'-Independent");
    expect(row?.get("askingMemberFrom")).toBe("'=Somewhere");
    expect(row?.get("questionText")).toBe(`'${hostile.questionText}`);
    expect(row?.get("answerText")).toBe(`'${hostile.answer.text}`);
  });
});
