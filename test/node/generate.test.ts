import { describe, expect, it } from "vitest";
import { generateRecords, toJsonLines } from "../../bench/generate";
import { RecordInput } from "../../src/schema/record";
import { build, tempProject } from "./build-helpers";

describe("the benchmark corpus generator", () => {
  it("gives the same records for the same seed and different ones for another", () => {
    expect(toJsonLines(generateRecords(200, 3))).toBe(toJsonLines(generateRecords(200, 3)));
    expect(toJsonLines(generateRecords(200, 4))).not.toBe(toJsonLines(generateRecords(200, 3)));
  });

  it("makes records the seed schema accepts, about 1.3 to 1.6 KB each", () => {
    const records = generateRecords(500, 1);
    for (const record of records) expect(RecordInput.safeParse(record).error).toBeUndefined();
    const perRecord = toJsonLines(records).length / records.length;
    expect(perRecord).toBeGreaterThan(1200);
    expect(perRecord).toBeLessThan(1700);
  });

  it("makes a corpus the build compiles whole, with both Houses and unanswered questions", async () => {
    const output = await build(tempProject({ "generated.jsonl": toJsonLines(generateRecords(300, 1)) }));
    expect(output.report.records).toBe(300);
    const records = generateRecords(300, 1);
    expect(new Set(records.map((record) => record.house))).toEqual(new Set(["Commons", "Lords"]));
    expect(records.some((record) => record.answer === null)).toBe(true);
  });
});
