/** The build's JSON reader names the right line for any value, and finds no problem in valid, key-unique JSON. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readJsonDocument } from "../../index-build/stages/json-document";
import { formatJsonPath, lineAt } from "../../index-build/stages/json-positions";

/** A small recursive reader, for the test only: where every value starts, by path. */
function valueOffsets(text: string): Array<[PropertyKey[], number]> {
  const out: Array<[PropertyKey[], number]> = [];
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: PropertyKey[]) => {
    space();
    out.push([path, i]);
    const open = text[i];
    if (open === "{" || open === "[") {
      i++;
      space();
      if (text[i] === (open === "{" ? "}" : "]")) {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        space();
        let key: PropertyKey = index;
        if (open === "{") {
          key = string();
          space();
          i++;
        }
        value([...path, key]);
        space();
        if (text[i++] !== ",") return;
      }
    }
    if (open === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
  };
  value([]);
  return out;
}

const layouts = fc.constantFrom<[string | number | undefined, (text: string) => string]>(
  [undefined, (text) => text],
  [2, (text) => text],
  ["\t", (text) => text],
  [1, (text) => text.replaceAll("\n", "\r\n")],
  [3, (text) => ` \n\t${text}\n \n`],
);

describe("reading a JSON document", () => {
  it("names the line where every value of any document starts", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), layouts, (value, [indent, layout]) => {
        const text = layout(JSON.stringify(value, null, indent));
        const document = readJsonDocument(text, "x.json");
        expect(document.problems).toEqual([]);
        for (const [path, offset] of valueOffsets(text))
          expect([formatJsonPath(path), document.lineOf(path)]).toEqual([formatJsonPath(path), lineAt(text, offset)]);
      }),
      { numRuns: 300 },
    );
  });

  it("reports a missing path at the line of the deepest part that exists", () => {
    const text = '{\n  "a": {\n    "b": 1\n  },\n  "c": [\n    2\n  ]\n}';
    const document = readJsonDocument(text, "x.json");
    expect(document.lineOf(["a", "missing", "deeper"])).toBe(2);
    expect(document.lineOf(["c", 5])).toBe(5);
    expect(document.lineOf(["c", 0])).toBe(6);
  });

  it("names the line of a syntax error, counting from the line the text starts on", () => {
    expect(() => readJsonDocument('{"b": 2,,}', "x.jsonl", { line: 2, landmarks: false })).toThrow(
      /^x\.jsonl:2: expected valid JSON, found a syntax error/,
    );
    expect(() => readJsonDocument('{\n  "b": 2,\n}', "x.json", { line: 3 })).toThrow(/^x\.json:5: expected valid JSON/);
  });
});
