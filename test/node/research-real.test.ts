/**
 * The answer groups and related questions on the real corpora (the seed plus 982 records from
 * the Parliament API, see /work/shared/corpora/SOURCES.md): the spot checks that justify the
 * rules and the threshold in docs/research-features.md. Skipped, with the reason, where the
 * corpora are absent (a public clone has none).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCollection, REAL, realCollectionMissing } from "../../eval/collections";
import type { CompiledCollection } from "../../src/engine/compiled";
import type { QuestionRecord } from "../../src/schema/record";

const missing = realCollectionMissing();
if (missing) console.warn(`research-real: skipping: ${missing}`);

describe.skipIf(missing !== null)(
  `research tables on the real corpora${missing ? ` (skipped: ${missing})` : ""}`,
  () => {
    let collection: CompiledCollection;
    const byUin = (uin: string) => collection.records.find((record) => record.uin === uin) as QuestionRecord;
    beforeAll(async () => {
      collection = await loadCollection(REAL);
    }, 180_000);

    it("groups the Department of Health's fourteen identical holding answers apart from every substantive answer", () => {
      const holding = collection.answerGroups.filter((group) => group.holding);
      expect(holding.map((group) => group.docs.length)).toEqual([14]);
      for (const doc of holding[0]?.docs ?? [])
        expect(collection.records[doc]?.answer?.text).toMatch(
          /not be possible to answer this question within the usual time/,
        );
      const substantive = collection.answerGroups.filter((group) => !group.holding).flatMap((group) => group.docs);
      for (const doc of substantive) expect(collection.records[doc]?.answerIsHolding).not.toBe(true);
    });

    it("never groups an answer the API's list endpoint cut to 255 characters", () => {
      for (const group of collection.answerGroups)
        for (const doc of group.docs) expect(collection.records[doc]?.truncated ?? []).not.toContain("answerText");
    });

    it("keeps apart answers that read alike but say different things", () => {
      // Gibraltar and the Sovereign Base Areas: the same sentence about another territory (similarity 0.76).
      expect(byUin("HL12792").answerGroup).toBeUndefined();
      expect(byUin("HL12790").answerGroup).toBeUndefined();
      // "I refer the hon. Member to the answer given to PQ132929" and "… PQ143043 on 28 January" (0.62): other answers.
      expect(byUin("146826").answerGroup).toBeUndefined();
      expect(byUin("146921").answerGroup?.size).toBe(2);
      // "The data is not held in the format requested" and "This data …" (0.75): too short to call the same by similarity.
      expect(byUin("146752").answerGroup).toBeUndefined();
    });

    it("finds the grouped questions' shared answers word for word, eleven groups of 43 records in all", () => {
      expect(collection.answerGroups.length).toBe(11);
      expect(collection.answerGroups.reduce((sum, group) => sum + group.docs.length, 0)).toBe(43);
      expect(byUin("146742").answerGroup?.size).toBe(4);
      expect(byUin("146742").answer?.text).toBe("This information is not held centrally.");
    });

    it("relates most records to others, none to itself", () => {
      const withRelated = collection.related.filter((list) => list.length > 0).length;
      expect(withRelated / collection.records.length).toBeGreaterThan(0.8);
      collection.related.forEach((list, doc) => {
        expect(list.map(([other]) => other)).not.toContain(doc);
      });
    });
  },
);
