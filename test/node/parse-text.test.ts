import { describe, expect, it } from "vitest";
import { BuildError } from "../../index-build/errors";
import { parseTextSeed } from "../../index-build/stages/parse-text";
import type { SeedFile } from "../../index-build/stages/read";
import { alton, blackman, cleverly, memberBlock } from "./seed-layout";

const seed = (lines: string[]): SeedFile => ({ path: "seeds/test.txt", format: "text", text: lines.join("\n") });
const values = (lines: string[]) =>
  parseTextSeed(seed(lines)).records.map((record) => record.value as Record<string, unknown>);

function layoutError(lines: string[]): BuildError {
  try {
    parseTextSeed(seed(lines));
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error("expected the seed to be rejected");
}

describe("the text seed layout", () => {
  it("treats text before the first member block as the collection's title and description", () => {
    const parsed = parseTextSeed(
      seed([
        "A title line",
        "An intro.",
        "More intro.",
        ...memberBlock(blackman),
        "To ask the Secretary of State a thing.",
      ]),
    );
    expect(parsed.description).toMatchObject({ title: "A title line", description: "An intro.\n\nMore intro." });
    expect(parsed.records).toHaveLength(1);
  });

  it("reads a member block and its question, located at the member's name", () => {
    const parsed = parseTextSeed(
      seed(["Intro", ...memberBlock(blackman), "To ask the Secretary of State about Iran."]),
    );
    expect(parsed.records[0]?.location).toEqual({ file: "seeds/test.txt", line: 2 });
    expect(parsed.records[0]?.value).toEqual({
      house: "Commons",
      askingMember: { name: "Bob Blackman", party: "Conservative", memberFrom: "Harrow East" },
      questionText: "To ask the Secretary of State about Iran.",
      dateTabled: null,
      answer: null,
    });
  });

  it("reads an answering member block, the date on the Answered line and every paragraph", () => {
    const [record] = values([
      ...memberBlock(blackman),
      "To ask a question.",
      ...memberBlock(cleverly),
      "Answered on 15 September 2021",
      "First.",
      "Second.",
    ]);
    expect(record?.answer).toEqual({
      answeringMember: { name: "James Cleverly", party: "Conservative", memberFrom: "Braintree", house: "Commons" },
      dateAnswered: "2021-09-15",
      text: "First.\n\nSecond.",
    });
  });

  it("takes the answer date from the next line when the Answered line has none", () => {
    const [record] = values([
      ...memberBlock(blackman),
      "To ask a question.",
      ...memberBlock(cleverly),
      "Answered on",
      "5 October 2021",
      "Text.",
    ]);
    expect(record?.answer).toMatchObject({ dateAnswered: "2021-10-05" });
  });

  it("accepts an answer with no answering member block", () => {
    const [record] = values([
      ...memberBlock(alton),
      "To ask Her Majesty’s Government a thing.",
      "Answered on 21 September 2021",
      "An answer.",
    ]);
    expect(record?.answer).toEqual({ answeringMember: null, dateAnswered: "2021-09-21", text: "An answer." });
  });

  it("accepts questions with no answer, between records and at the end of the file", () => {
    const records = values([
      ...memberBlock(blackman),
      "To ask one.",
      ...memberBlock(alton),
      "To ask two.",
      "Answered on 1 May 2021",
      "Yes.",
      ...memberBlock(blackman),
      "To ask three.",
    ]);
    expect(records.map((record) => record.answer === null)).toEqual([true, false, true]);
  });

  it("keeps a paragraph that starts with a party or House name as a paragraph", () => {
    const paragraphs = [
      "Conservative Members have asked this before.",
      "House of Commons procedure applies.",
      "Crossbench",
      "House of Lords",
    ];
    const [record, next] = values([
      ...memberBlock(blackman),
      "To ask one.",
      ...memberBlock(cleverly),
      "Answered on 1 May 2021",
      ...paragraphs,
      ...memberBlock(alton),
      "To ask two.",
    ]);
    expect(record?.answer).toMatchObject({ text: paragraphs.join("\n\n") });
    expect(next?.questionText).toBe("To ask two.");
  });

  it("ignores blank lines and keeps each record's line number in the file", () => {
    const parsed = parseTextSeed(
      seed(["Intro", "", ...memberBlock(blackman), "To ask one.", "", "", ...memberBlock(alton), "To ask two."]),
    );
    expect(parsed.records.map((record) => record.location.line)).toEqual([3, 10]);
  });

  it("rejects a date that is not d Month yyyy, naming its line", () => {
    const error = layoutError([
      ...memberBlock(blackman),
      "To ask one.",
      ...memberBlock(cleverly),
      "Answered on 15/09/2021",
      "Text.",
    ]);
    expect(error.message).toBe(
      "seeds/test.txt:10: expected the answer date as 'd Month yyyy' (e.g. 15 September 2021), found \"15/09/2021\"",
    );
  });

  it("rejects text after a question that is neither an answer nor a record", () => {
    const error = layoutError([...memberBlock(blackman), "To ask one.", "A stray line."]);
    expect(error.location?.line).toBe(6);
    expect(error.detail).toMatch(/expected an answer .* or the next record, found "A stray line."/);
  });

  it("rejects an answering member block whose Answered line is misspelt", () => {
    const error = layoutError([
      ...memberBlock(blackman),
      "To ask one.",
      ...memberBlock(cleverly),
      "Answerd on 1 May 2021",
      "Text.",
    ]);
    expect(error.message).toMatch(/^seeds\/test.txt:6: expected an answer .*found "James Cleverly"/);
  });

  it("rejects an answer date with no answer text", () => {
    const error = layoutError([...memberBlock(blackman), "To ask one.", "Answered on 1 May 2021"]);
    expect(error.message).toMatch(/^seeds\/test.txt:6: expected the answer's text after its date/);
  });

  it("rejects a file with no record at all", () => {
    expect(layoutError(["Just some prose.", "No members here."]).message).toMatch(
      /^seeds\/test.txt:1: expected at least one record/,
    );
  });
});
