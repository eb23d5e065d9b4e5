/**
 * The answer-groups stage: which records were given the same answer. The seed's groups are stated
 * by source line, as read from the seed file; the rules (normalising, near-identical threshold,
 * figures, holding and truncated answers) each on records made for the purpose.
 */
import { describe, expect, it } from "vitest";
import { BUCKET_NEIGHBOURS, candidatePairs, jaccard, shinglesOf, signatureOf } from "../../index-build/minhash";
import {
  groupAnswers,
  isHoldingAnswer,
  NEAR_IDENTICAL,
  withAnswerGroups,
} from "../../index-build/stages/answer-groups";
import type { CompiledCollection } from "../../src/engine";
import type { QuestionRecord } from "../../src/schema/record";
import { build, loadModule, tempProject } from "./build-helpers";

let line = 0;
function record(text: string | null, extra: Partial<QuestionRecord> = {}): QuestionRecord {
  line += 1;
  return {
    id: `r${line}`,
    house: "Commons",
    askingMember: { name: "A Member", party: null, memberFrom: null },
    questionText: `To ask the Secretary of State question ${line}.`,
    dateTabled: null,
    answered: text !== null,
    answer: text === null ? null : { answeringMember: null, dateAnswered: "2021-01-01", text },
    sources: [{ file: "seeds/x.json", line }],
    ...extra,
  };
}

/** The groups as lists of record ids. */
function groupedIds(records: QuestionRecord[]): string[][] {
  return groupAnswers(records).groups.map((group) => group.docs.map((doc) => (records[doc] as QuestionRecord).id));
}

/** A word of letters only (digits would make it a figure): a, b, … z, ba, bb, … */
const wordAt = (i: number): string => (i < 26 ? "" : wordAt(Math.floor(i / 26))) + String.fromCharCode(97 + (i % 26));
/** Sixty distinct words, so single changes move the similarity by known steps. */
const words = Array.from({ length: 60 }, (_, i) => `w${wordAt(i)}`);
const LONG = words.join(" ");
/** LONG with `count` words replaced, seven apart from the `start`th, so no shingle holds two of them. */
const withChanges = (count: number, start = 3) =>
  words.map((word, i) => (i % 7 === start && i < count * 7 ? `other${wordAt(i)}` : word)).join(" ");
const similarity = (a: string, b: string) => jaccard(shinglesOf(a.split(" ")), shinglesOf(b.split(" ")));

describe("the seed's answer groups", () => {
  it("are the two ministers' answers read from the seed, by source line", async () => {
    const collection: CompiledCollection = await loadModule((await build(tempProject({}, true))).source);
    const lines = collection.answerGroups.map((group) =>
      group.docs.map((doc) => collection.records[doc]?.sources[0]?.line),
    );
    expect(lines).toEqual([
      // James Cleverly's three-paragraph answer of 15 September (lines 8, 21, 35: Bob Blackman) and the
      // same answer to Lord Alton on 21 September (135, 144). Line 35 drops a comma ("country so that"),
      // Lord Alton's capitalise "Human Rights Priority Country": word for word the same once normalised.
      [8, 21, 35, 135, 144],
      // The two-paragraph answer to David Jones (48, 60, 72: identical) and to Dr Offord (100, 112), which
      // lack "and those mentioned in the UN Secretary General's most recent report" and "own": nearly
      // the same (word-trigram Jaccard 0.87). The first group's answer holds the same sentences in
      // another order plus a paragraph more (similarity 0.69-0.71): a different answer.
      [48, 60, 72, 100, 112],
    ]);
    const [first] = collection.answerGroups;
    const member = collection.records[first?.docs[0] as number] as QuestionRecord;
    expect(member.answerGroup).toEqual({ id: first?.id, size: 5 });
    // Henry Smith's answer (line 84) and Dr Offord's on legal action (124) are given once.
    const once = collection.records.filter((each) => [84, 124].includes(each.sources[0]?.line as number));
    for (const each of once) expect(each.answerGroup).toBeUndefined();
  });
});

describe("grouping answers", () => {
  it("puts answers together that differ only in case, punctuation and spacing", () => {
    const records = [
      record("The data is not held centrally."),
      record("the data is  not held, centrally"),
      record("The data is not held locally."),
    ];
    expect(groupedIds(records)).toEqual([[records[0]?.id, records[1]?.id]]);
  });

  it(`joins answers at word-trigram similarity ${NEAR_IDENTICAL} or more, and not below`, () => {
    const near = withChanges(1);
    const far = withChanges(3, 5);
    expect(similarity(LONG, near)).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
    expect(similarity(LONG, far)).toBeLessThan(NEAR_IDENTICAL);
    const records = [record(LONG), record(near), record(far)];
    expect(groupedIds(records)).toEqual([[records[0]?.id, records[1]?.id]]);
    expect(groupAnswers(records).nearIdenticalJoins).toBe(1);
  });

  it("closes a group under near-identity: A nearly B and B nearly C make one group, however far A is from C", () => {
    const [a, b, c] = [LONG, withChanges(1), withChanges(3)];
    expect(similarity(a, b)).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
    expect(similarity(b, c)).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
    expect(similarity(a, c)).toBeLessThan(NEAR_IDENTICAL);
    const records = [record(a), record(b), record(c)];
    expect(groupAnswers(records).groups.map((group) => group.docs)).toEqual([[0, 1, 2]]);
  });

  it("keeps nearly identical answers apart when their figures differ", () => {
    const [january, february] = [`${LONG} 25 January 2021`, `${LONG} 8 February 2021`];
    expect(similarity(january.toLowerCase(), february.toLowerCase())).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
    expect(groupedIds([record(january), record(february)])).toEqual([]);
  });

  it("never groups a holding answer with a substantive one, but groups holding answers together", () => {
    const promise = "I will reply to the hon. Member as soon as possible.";
    const records = [
      record(promise),
      record(promise, { answerIsHolding: true }),
      record("It will not be possible to answer this question within the usual time period."),
      record("It will not be possible to answer this question within the usual time period."),
      record(LONG),
      record(LONG, { answerIsHolding: true }),
    ];
    expect(records.map(isHoldingAnswer)).toEqual([true, true, true, true, false, true]);
    const { groups } = groupAnswers(records);
    expect(groups.map((group) => [group.docs, group.holding])).toEqual([
      [[0, 1], true],
      [[2, 3], true],
    ]);
  });

  it("does not group an answer the source cut short, whose missing part may differ", () => {
    const records = [record(LONG, { truncated: ["answerText"] }), record(LONG), record(LONG)];
    expect(groupAnswers(records).groups.map((group) => group.docs)).toEqual([[1, 2]]);
  });

  it("skips unanswered records and orders groups largest first, each in source order", () => {
    const records = [
      record("Short answer b."),
      record(null),
      record(LONG),
      record(LONG),
      record("Short answer b."),
      record(LONG),
    ];
    expect(groupAnswers(records).groups.map((group) => group.docs)).toEqual([
      [2, 3, 5],
      [0, 4],
    ]);
  });

  it("gives each grouped record its group's id and size, and the same id for the same members", () => {
    const records = [record(LONG), record("Another answer."), record(LONG)];
    const { groups } = groupAnswers(records);
    const annotated = withAnswerGroups(records, groups);
    expect(annotated[0]?.answerGroup).toEqual({ id: groups[0]?.id, size: 2 });
    expect(annotated[2]?.answerGroup).toEqual(annotated[0]?.answerGroup);
    expect(annotated[1]?.answerGroup).toBeUndefined();
    expect(groups[0]?.id).toMatch(/^[0-9a-f]{12}$/);
    expect(groupAnswers([...records]).groups[0]?.id).toBe(groups[0]?.id);
    expect(records[0]?.answerGroup).toBeUndefined();
  });

  it("joins thousands of nearly identical answers into one group, comparing each with a few others, not all", () => {
    const template = "The British Government opposes the use of the death penalty in all circumstances. ".repeat(12);
    const answers = Array.from({ length: 3000 }, (_, i) => `${template}Marker ${wordAt(i % 26)}${"x".repeat(i % 5)}.`);
    const signatures = answers.map((text) => signatureOf(shinglesOf(text.toLowerCase().split(" "))));
    expect(candidatePairs(signatures).length).toBeLessThanOrEqual(answers.length * BUCKET_NEIGHBOURS * 16);
    const { groups } = groupAnswers(answers.map((text) => record(text)));
    expect(groups.map((group) => group.docs.length)).toEqual([3000]);
  });
});
