import { describe, expect, it } from "vitest";
import type { CompiledCollection } from "../../src/engine";
import type { QuestionRecord } from "../../src/schema/record";
import { asJson, fixture, fixtureText } from "./api-fixtures";
import { build, loadModule, tempProject } from "./build-helpers";

async function collectionOf(files: Record<string, string>) {
  const output = await build(tempProject(files));
  const collection: CompiledCollection = await loadModule(output.source);
  const byApiId = (apiId: number) => collection.records.find((record) => record.apiId === apiId) as QuestionRecord;
  return { output, collection, byApiId };
}

describe("recognising the API's shapes by content", () => {
  it("reads a list response, a single-question response and a bare array, whatever the files are called", async () => {
    const { output, collection } = await collectionOf({
      "a.json": fixtureText("list-expanded.json"),
      "b.json": fixtureText("single-question.json"),
      "c.json": fixtureText("question-array.json"),
    });
    expect(output.report.recordsPerFile).toEqual([
      { file: "seeds/a.json", records: 3, shape: "list response" },
      { file: "seeds/b.json", records: 1, shape: "single-question response" },
      { file: "seeds/c.json", records: 1, shape: "array of question objects" },
    ]);
    expect(collection.records.map((record) => record.apiId).sort()).toEqual([9000001, 9000002, 9000003, 9000004]);
  });

  it("fails a JSON file in a shape it does not know, naming the file and the accepted shapes", async () => {
    const solr = asJson({ responseHeader: { status: 0 }, response: { numFound: 0, docs: [] } });
    await expect(build(tempProject({ "solr.json": solr }))).rejects.toThrow(
      /^seeds\/solr\.json:1: expected one of the accepted JSON shapes: a record or an array of records in the canonical shape .*list response \{"totalResults", "results": \[\{"value", "links"\}\]\}; a single-question response \{"value", "links"\}; or an array of the API's question objects; found an object with keys "responseHeader", "response"$/,
    );
  });
});

describe("mapping an API question onto the record", () => {
  it("maps uin, house, members, texts, dates, answering body, heading and the API id", async () => {
    const { byApiId } = await collectionOf({ "a.json": fixtureText("list-expanded.json") });
    const lords = byApiId(9000002);
    expect(lords).toMatchObject({
      id: "wq-9000002",
      house: "Lords",
      uin: "HL12826",
      askingMember: { name: "Baroness Masham of Ilton", party: "Crossbench", memberFrom: "Life peer", memberId: 1850 },
      questionText: "To ask Her Majesty's Government what plans they have to provide prosthetic arms through the NHS.",
      dateTabled: "2021-02-01",
      answered: true,
      answer: {
        answeringMember: {
          name: "Lord Bethell",
          party: "Conservative",
          memberFrom: "Excepted Hereditary",
          memberId: 4708,
          house: "Lords",
        },
        dateAnswered: "2021-02-15",
        text: "An answer is being prepared and will be provided as soon as it is available.",
      },
      answeringBody: "Department of Health and Social Care",
      heading: "Prosthetics",
      url: "https://questions-statements.parliament.uk/written-questions/detail/2021-02-01/HL12826",
      apiId: 9000002,
    });
    expect(lords.sources).toEqual([{ file: "seeds/a.json", line: 64 }]);
  });

  it("carries the withdrawn, holding-answer, correction and grouped-question flags", async () => {
    const { byApiId } = await collectionOf({ "a.json": fixtureText("list-expanded.json") });
    expect(byApiId(9000002)).toMatchObject({
      isWithdrawn: false,
      answerIsHolding: true,
      answerIsCorrection: true,
      groupedQuestions: ["HL12827", "HL12828"],
    });
    const withdrawn = byApiId(9000003);
    expect(withdrawn).toMatchObject({ isWithdrawn: true, answerIsHolding: false, answered: false, answer: null });
    expect(withdrawn.groupedQuestions).toBeUndefined();
  });

  it("keeps two questions that share a UIN apart, since a UIN alone is not unique", async () => {
    const { byApiId } = await collectionOf({ "a.json": fixtureText("list-expanded.json") });
    expect(byApiId(9000001).uin).toBe("146758");
    expect(byApiId(9000003).uin).toBe("146758");
    expect(byApiId(9000001).id).not.toBe(byApiId(9000003).id);
  });

  it("names an unexpanded member from another record that expands the same id, else by id", async () => {
    const alone = await collectionOf({ "c.json": fixtureText("question-array.json") });
    expect(alone.byApiId(9000004).askingMember).toEqual({
      name: "Member 177",
      party: null,
      memberFrom: null,
      memberId: 177,
    });
    expect(alone.byApiId(9000004).answer?.answeringMember?.name).toBe("Member 3985");
    const together = await collectionOf({
      "a.json": fixtureText("list-expanded.json"),
      "c.json": fixtureText("question-array.json"),
    });
    expect(together.byApiId(9000004).askingMember).toEqual({
      name: "Gareth Thomas",
      party: null,
      memberFrom: null,
      memberId: 177,
    });
  });

  it("turns an HTML answer into clean paragraphs", async () => {
    const { byApiId } = await collectionOf({ "b.json": fixtureText("single-question.json") });
    const paragraphs = byApiId(9000001).answer?.text.split("\n\n");
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs?.[0]).toMatch(/^The Centre for Improving Data Collaboration .* can be applied\.$/);
    expect(paragraphs?.slice(1)).toEqual([
      "Guidance is published on GOV.UK (https://www.gov.uk/guidance/data-partnerships) & reviewed each year.",
      "• Patients’ views",
      "• Fair terms",
    ]);
  });
});

describe("texts the list endpoint cut short", () => {
  it("imports a cut question and answer as they are and marks them truncated", async () => {
    const { byApiId } = await collectionOf({ "a.json": fixtureText("list-expanded.json") });
    const cut = byApiId(9000001);
    expect(cut.truncated).toEqual(["answerText", "questionText"]);
    expect(cut.answer?.text).toMatch(/\.\.\.$/);
    expect(byApiId(9000002).truncated).toBeUndefined();
  });

  it("never marks a single-question response truncated, even at 255 characters", async () => {
    const single = fixture("single-question.json");
    single.value.questionText = single.value.questionText.slice(0, 255);
    const { byApiId } = await collectionOf({ "b.json": asJson(single) });
    expect(byApiId(9000001).truncated).toBeUndefined();
  });

  it("lets a fuller copy with the same API id replace the cut texts, keeping every source", async () => {
    const { output, byApiId, collection } = await collectionOf({
      "a.json": fixtureText("list-expanded.json"),
      "b.json": fixtureText("single-question.json"),
    });
    const merged = byApiId(9000001);
    expect(collection.records.filter((record) => record.apiId === 9000001)).toHaveLength(1);
    expect(merged.truncated).toBeUndefined();
    expect(merged.questionText).toMatch(/published by Understanding Patient Data in March 2020\.$/);
    expect(merged.answer?.text).toMatch(/• Fair terms$/);
    expect(merged.sources).toEqual([
      { file: "seeds/a.json", line: 5 },
      { file: "seeds/b.json", line: 2 },
    ]);
    expect(output.report.truncation.completed).toBe(2);
    expect(output.report.conflicts).toEqual([]);
  });

  it("reports fields on which copies disagree, keeping the first copy's value", async () => {
    const single = fixture("single-question.json");
    single.value.heading = "Data Protection";
    const { output, byApiId } = await collectionOf({
      "a.json": fixtureText("list-expanded.json"),
      "b.json": asJson(single),
    });
    expect(byApiId(9000001).heading).toBe("NHS: Medical Records");
    expect(output.report.conflicts).toEqual([
      {
        apiId: 9000001,
        field: "heading",
        kept: { value: "NHS: Medical Records", at: { file: "seeds/a.json", line: 5 } },
        other: { value: "Data Protection", at: { file: "seeds/b.json", line: 2 } },
      },
    ]);
  });

  it("fills in an answer that only a later copy has, keeping that copy's cut mark", async () => {
    const later = fixture("list-expanded.json").results[2].value;
    Object.assign(later, {
      dateAnswered: "2019-06-10T00:00:00",
      answerText: `${"Reservists were mobilised. ".repeat(10).slice(0, 255)}...`,
      answeringMemberId: 1481,
    });
    const { output, byApiId } = await collectionOf({
      "a.json": fixtureText("list-expanded.json"),
      "b.json": asJson([later]),
    });
    const merged = byApiId(9000003);
    expect(merged).toMatchObject({ answered: true, truncated: ["answerText"], answer: { dateAnswered: "2019-06-10" } });
    expect(merged.answer?.answeringMember?.name).toBe("Ms Nadine Dorries");
    expect(output.report.conflicts).toEqual([]);
  });

  it("reports a cut text that is not the start of the fuller copy as a conflict", async () => {
    const single = fixture("single-question.json");
    single.value.answerText = "<p>A different answer altogether.</p>";
    const { output, byApiId } = await collectionOf({
      "a.json": fixtureText("list-expanded.json"),
      "b.json": asJson(single),
    });
    expect(byApiId(9000001).truncated).toEqual(["answerText"]);
    expect(output.report.conflicts.map((conflict) => conflict.field)).toEqual(["answer.text"]);
  });
});

describe("bad input in the API's shapes", () => {
  const withQuestion = (edit: (question: Record<string, unknown>) => void) => {
    const list = fixture("list-expanded.json");
    edit(list.results[1].value);
    return { "bad.json": asJson(list) };
  };

  it("names the JSON path and line of a missing field", async () => {
    const files = withQuestion((question) => {
      delete question.uin;
    });
    await expect(build(tempProject(files))).rejects.toThrow(
      /^seeds\/bad\.json:64: results\[1\]\.value\.uin: expected the UIN as text, found nothing$/,
    );
  });

  it("names the JSON path and line of a field of the wrong type", async () => {
    const files = withQuestion((question) => {
      question.askingMemberId = "1850";
    });
    await expect(build(tempProject(files))).rejects.toThrow(
      /^seeds\/bad\.json:66: results\[1\]\.value\.askingMemberId: expected a member id \(a whole number\), found "1850"$/,
    );
  });

  it("names the JSON path and line of a bad date, and of a malformed one", async () => {
    const files = withQuestion((question) => {
      question.dateTabled = "2021-02-30T00:00:00";
      question.dateAnswered = "15/02/2021";
    });
    const failure = build(tempProject(files));
    await expect(failure).rejects.toThrow(
      /^seeds\/bad\.json:79: results\[1\]\.value\.dateTabled: expected a real calendar date, found "2021-02-30T00:00:00"$/m,
    );
    await expect(failure).rejects.toThrow(
      /^seeds\/bad\.json:\d+: results\[1\]\.value\.dateAnswered: expected a date as YYYY-MM-DDThh:mm:ss, found "15\/02\/2021"$/m,
    );
  });

  it("names the path inside an expanded member", async () => {
    const files = withQuestion((question) => {
      (question.askingMember as Record<string, unknown>).name = 42;
    });
    await expect(build(tempProject(files))).rejects.toThrow(
      /^seeds\/bad\.json:\d+: results\[1\]\.value\.askingMember\.name: expected the member's name, found number 42$/,
    );
  });

  it("rejects an answer date with no answer text", async () => {
    const files = withQuestion((question) => {
      question.answerText = null;
    });
    await expect(build(tempProject(files))).rejects.toThrow(
      /results\[1\]\.value\.answerText: expected the answer's text, since dateAnswered is set, found null/,
    );
  });

  it("names the path of a bad question in a single-question response and a bare array", async () => {
    const single = fixture("single-question.json");
    single.value.house = "Bicameral";
    const array = fixture("question-array.json");
    array[0].questionText = "   ";
    const failure = build(tempProject({ "a.json": asJson(single), "b.json": asJson(array) }));
    await expect(failure).rejects.toThrow(
      /^seeds\/a\.json:\d+: value\.house: expected Commons or Lords, found "Bicameral"$/m,
    );
    await expect(failure).rejects.toThrow(
      /^seeds\/b\.json:\d+: \[0\]\.questionText: expected non-empty text, found " {3}"$/m,
    );
  });
});
