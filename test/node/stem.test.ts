import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";

const { stem } = internals;

describe("the light English stemmer", () => {
  it.each([
    ["investigate", "investigated", "investigating", "investigation", "investigations"],
    ["execution", "executions", "executed", "execute"],
    ["recognise", "recognize", "recognised", "recognized", "recognising"],
    ["persecuted", "persecution"],
    ["policy", "policies"],
    ["massacre", "massacres"],
    ["planned", "plan"],
    ["extrajudicial", "extrajudicially"],
    ["cancelled", "cancel", "cancels", "cancelling"],
    ["installed", "install", "installs"],
    ["travelled", "travel", "travelling"],
    ["homelessness", "homeless"],
    ["awareness", "aware"],
  ])("brings %s and its family to one stem", (...family) => {
    expect(new Set(family.map(stem)).size).toBe(1);
  });

  it.each([
    ["nation", "nat"],
    ["mission", "miss"],
    ["state", "st"],
    ["general", "generation"],
    ["humanity", "human"],
    ["all", "al"],
    ["call", "cal"],
    ["well", "wel"],
  ])("keeps %s apart from %s", (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it("leaves short words and numbers alone", () => {
    for (const word of ["un", "uk", "gas", "1988", "43", "cop26"]) expect(stem(word)).toBe(word);
  });
});
