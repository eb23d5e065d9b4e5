import { describe, expect, it } from "vitest";
import { openingLength, withoutOpening } from "../../src/pages/question-opening";
import { piecesFrom } from "../../src/pages/question-snippet";

describe("a written question's opening formula", () => {
  it("ends after the addressee, even when the department's name holds commas", () => {
    for (const [question, rest] of [
      [
        "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what steps he is taking.",
        "What steps he is taking.",
      ],
      [
        "To ask the Secretary of State for Foreign, Commonwealth, and Development Affairs, if he will act.",
        "If he will act.",
      ],
      ["To ask Her Majesty’s Government what assessment they have made.", "What assessment they have made."],
      ["To ask His Majesty's Government, whether they will act.", "Whether they will act."],
      [
        "To ask the Member for South West Bedfordshire, representing the Church Commissioners, what steps the church is taking.",
        "What steps the church is taking.",
      ],
      [
        "To ask the Secretary of State for Health and Social Care, (a) how many and (b) why.",
        "(a) how many and (b) why.",
      ],
    ] as const) {
      expect(withoutOpening(question)).toBe(rest);
    }
  });

  it("is not found in a question that does not open with one", () => {
    for (const question of [
      "What assessment his Department has made of the potential effect on employment.",
      "To ask the Chancellor of the Exchequer; what he plans.",
      "To ask whether anyone will answer.",
    ]) {
      expect(openingLength(question)).toBe(0);
      expect(withoutOpening(question)).toBe(question);
    }
  });

  it("is cut from a highlight without losing or moving its marks", () => {
    const question =
      "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what steps on Iran.";
    const foreign = question.indexOf("Foreign");
    const iran = question.indexOf("Iran");
    const marked = {
      text: question,
      marks: [
        [foreign, foreign + 7],
        [iran, iran + 4],
      ] as Array<[number, number]>,
    };
    expect(piecesFrom(marked, openingLength(question))).toEqual([
      { text: "What steps on ", marked: false },
      { text: "Iran", marked: true },
      { text: ".", marked: false },
    ]);
    // A mark straddling the cut keeps its tail, marked.
    expect(piecesFrom({ text: "To ask Her Majesty’s Government what", marks: [[7, 20]] }, 11)).toEqual([
      { text: "Majesty’s", marked: true },
      { text: " Government what", marked: false },
    ]);
  });
});
