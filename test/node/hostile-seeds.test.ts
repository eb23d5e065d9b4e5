/**
 * Hostile and awkward seeds, from the outside audit (issue 17, "Build"): each fails clearly at
 * its file:line, or is read as a user would expect, and big input costs time linear in its size.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJsonDocument } from "../../index-build/stages/json-document";
import { parseJsonSeed } from "../../index-build/stages/parse-json";
import type { CompiledCollection } from "../../src/engine";
import type { QuestionRecord } from "../../src/schema/record";
import { asJson, fixture } from "./api-fixtures";
import { build, loadModule, tempProject } from "./build-helpers";
import { blackman, memberBlock } from "./seed-layout";

const record = (i: number) => ({
  house: "Commons",
  askingMember: { name: "Bob Blackman", party: "Conservative", memberFrom: "Harrow East" },
  questionText: `To ask the Secretary of State question ${i} about Iran.`,
  answer: {
    answeringMember: null,
    dateAnswered: "2021-09-15",
    text: "The British Government opposes the use of the death penalty.",
  },
});

async function recordsOf(root: string): Promise<QuestionRecord[]> {
  const collection: CompiledCollection = await loadModule((await build(root)).source);
  return collection.records;
}

/** The build's failure message (every problem, one a line), or "" if it built. */
async function failureOf(root: string): Promise<string> {
  try {
    await build(root);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Runs `work`, counting the characters string searches read: each `charCodeAt` and the span each
 * `indexOf` searched. JSON.parse's own reading is not counted (it reads the text once).
 */
function countingReads<T>(work: () => T): { result: T; reads: number } {
  const { charCodeAt, indexOf } = String.prototype;
  let reads = 0;
  String.prototype.charCodeAt = function (this: string, index: number) {
    reads++;
    return charCodeAt.call(this, index);
  };
  String.prototype.indexOf = function (this: string, search: string, from = 0) {
    const found = indexOf.call(this, search, from);
    reads += (found < 0 ? this.length : found + search.length) - Math.max(0, from);
    return found;
  };
  try {
    const result = work();
    return { result, reads };
  } finally {
    String.prototype.charCodeAt = charCodeAt;
    String.prototype.indexOf = indexOf;
  }
}

describe("a large canonical JSON array (issue 17: built in time quadratic in its size)", () => {
  it("locates every record reading each character of the file a bounded number of times, however many records", () => {
    for (const count of [100, 800]) {
      const text = JSON.stringify(
        Array.from({ length: count }, (_, i) => record(i)),
        null,
        2,
      );
      const { result, reads } = countingReads(() => parseJsonSeed({ path: "seeds/big.json", format: "json", text }));
      expect(result.records).toHaveLength(count);
      expect(result.records.at(-1)?.location.line).toBe(
        text.slice(0, text.lastIndexOf("\n  {")).split("\n").length + 1,
      );
      // One pass reads each character about once; a scan from the start per record reads ~count/2 times the file.
      expect(reads / text.length).toBeLessThan(3);
    }
  });

  it("finds the line of a bad field in the last record by reading only that record", () => {
    const records = Array.from({ length: 500 }, (_, i) => record(i));
    const text = JSON.stringify(records, null, 2);
    const document = readJsonDocument(text, "seeds/big.json");
    const { result: line, reads } = countingReads(() => document.lineOf([499, "answer", "dateAnswered"]));
    expect(text.split("\n")[line - 1]).toMatch(/^ {6}"dateAnswered": "2021-09-15",$/);
    expect(line).toBeGreaterThan(text.split("\n").length - 12);
    expect(reads).toBeLessThan(3 * JSON.stringify(records[499], null, 2).length);
  });
});

describe("deeply nested JSON (issue 17: a 10,000-deep object crashed with a RangeError)", () => {
  it("fails a 10,000-deep object in the Parliament-API shape at its line, naming the nesting limit", async () => {
    const list = fixture("list-expanded.json");
    const deep = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const text = asJson(list).replace('"attachments": []', `"attachments": [${deep}]`);
    expect(text).toContain(deep);
    const message = await failureOf(tempProject({ "deep.json": text }));
    expect(message).toMatch(
      /^seeds\/deep\.json:\d+: results\[0\]\.value\.attachments\[0\]\.a\.a\.a…: expected JSON nested at most 64 levels deep, found deeper nesting$/,
    );
  });

  it("fails a deep canonical JSON Lines record at its line, and still reads the other lines", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const lines = [
      JSON.stringify(record(1)),
      JSON.stringify({ ...record(2), heading: "deep" }).replace('"deep"', deep),
    ];
    const message = await failureOf(tempProject({ "a.jsonl": lines.join("\n") }));
    expect(message).toMatch(
      /^seeds\/a\.jsonl:2: heading\[0\]\[0\]\[0\].*: expected JSON nested at most 64 levels deep/,
    );
    expect(message.split("\n")).toHaveLength(1);
  });
});

describe("unknown keys inside nested objects (issue 17: silently dropped)", () => {
  it("fails a canonical record whose askingMember, answer or answeringMember has a key the record does not define", async () => {
    const bad = [
      { ...record(1), askingMember: { ...record(1).askingMember, memberid: 4476 } },
      JSON.parse(JSON.stringify(record(2)).replace('"text"', '"__proto__":{"polluted":true},"text"')),
      {
        ...record(3),
        answer: {
          ...record(3).answer,
          answeringMember: { name: "James Cleverly", party: null, memberFrom: null, house: "Commons", hosue: "Lords" },
        },
      },
    ];
    const message = await failureOf(tempProject({ "a.json": JSON.stringify(bad, null, 2) }));
    const lines = JSON.stringify(bad, null, 2).split("\n");
    const lineOf = (key: string) => lines.findIndex((line) => line.includes(`"${key}"`)) + 1;
    expect(message.split("\n")).toEqual([
      `seeds/a.json:${lineOf("memberid")}: askingMember: unexpected field(s) "memberid"; see README, "Adding records", for the record's fields`,
      `seeds/a.json:${lineOf("__proto__")}: answer: unexpected field(s) "__proto__"; see README, "Adding records", for the record's fields`,
      `seeds/a.json:${lineOf("hosue")}: answer.answeringMember: unexpected field(s) "hosue"; see README, "Adding records", for the record's fields`,
    ]);
  });

  it("fails an API question whose key differs from an API field only in case, or is __proto__", async () => {
    const list = fixture("list-expanded.json");
    list.results[0].value.askingMember.Name = "Typo";
    list.results[1].value.askingmemberid = 1;
    const text = asJson(list).replace('"uin": "HL12826"', '"__proto__": {"x": 1},\n      "uin": "HL12826"');
    const lines = text.split("\n");
    const lineOf = (key: string) => lines.findIndex((line) => line.includes(`"${key}"`)) + 1;
    const message = await failureOf(tempProject({ "q.json": text }));
    expect(message.split("\n").sort()).toEqual(
      [
        `seeds/q.json:${lineOf("Name")}: results[0].value.askingMember.Name: expected the API's field "name", found "Name" (the API's field names are case-sensitive)`,
        `seeds/q.json:${lineOf("askingmemberid")}: results[1].value.askingmemberid: expected the API's field "askingMemberId", found "askingmemberid" (the API's field names are case-sensitive)`,
        `seeds/q.json:${lineOf("__proto__")}: results[1].value.__proto__: expected one of the API's fields, found "__proto__", a key no API response carries`,
      ].sort(),
    );
  });

  it("builds an API question with a field the API may have added since, and names the field in the report", async () => {
    const list = fixture("list-expanded.json");
    for (const result of list.results) result.value.dateWithdrawn = null;
    const text = asJson(list);
    const output = await build(tempProject({ "q.json": text }));
    const line = text.split("\n").findIndex((row) => row.includes('"dateWithdrawn"')) + 1;
    expect(output.report.records).toBe(3);
    expect(output.report.warnings).toContain(
      `seeds/q.json:${line}: ignored the field dateWithdrawn in 3 API question(s): not one of the API's fields pqsearch knows (formats/parliament-api/api-fields.ts)`,
    );
  });
});

describe("symbolic links in seeds/ (issue 17: silently ignored)", () => {
  const elsewhere = () => mkdtempSync(join(tmpdir(), "pqsearch-elsewhere-"));

  it("reads a linked file and a linked directory, inside or outside seeds/, naming them by the link", async () => {
    const outside = elsewhere();
    writeFileSync(join(outside, "kept.json"), JSON.stringify(record(1)));
    mkdirSync(join(outside, "more"));
    writeFileSync(join(outside, "more", "b.jsonl"), JSON.stringify(record(2)));
    const root = tempProject({ "real.json": JSON.stringify(record(3)) });
    symlinkSync(join(outside, "kept.json"), join(root, "seeds", "linked.json"));
    symlinkSync(join(outside, "more"), join(root, "seeds", "more"));
    symlinkSync("real.json", join(root, "seeds", "alias.json"));
    const records = await recordsOf(root);
    expect(records.flatMap((r) => r.sources.map((source) => source.file)).sort()).toEqual([
      "seeds/alias.json",
      "seeds/linked.json",
      "seeds/more/b.jsonl",
      "seeds/real.json",
    ]);
  });

  it("fails on a link that leads nowhere and on a link back into a directory being read, naming each", async () => {
    const root = tempProject({ "ok.json": JSON.stringify(record(1)) });
    symlinkSync("gone.json", join(root, "seeds", "dangling.json"));
    mkdirSync(join(root, "seeds", "sub"));
    symlinkSync("..", join(root, "seeds", "sub", "loop"));
    symlinkSync("b.json", join(root, "seeds", "a.json"));
    symlinkSync("a.json", join(root, "seeds", "b.json"));
    const message = await failureOf(root);
    expect(message.split("\n")).toEqual([
      "seeds/a.json: expected a symbolic link to a file, found a loop of links that never reaches one",
      "seeds/b.json: expected a symbolic link to a file, found a loop of links that never reaches one",
      'seeds/dangling.json: expected a symbolic link to a file, found nothing at "gone.json"',
      "seeds/sub/loop: expected a symbolic link to a directory of seeds, found a link back to seeds, which is being read already (a loop)",
    ]);
  });

  it("reports every entry it does not read: other extensions, hidden files and pipes", async () => {
    const root = tempProject({ "ok.json": JSON.stringify(record(1)), "notes.md": "# notes", ".hidden.json": "{" });
    const pipe = spawnSync("mkfifo", [join(root, "seeds", "pipe.json")]);
    const output = await build(root);
    expect(output.report.warnings).toEqual(
      expect.arrayContaining([
        "seeds/.hidden.json: skipped, hidden (its name starts with a dot)",
        "seeds/notes.md: skipped, not .txt, .json or .jsonl",
        ...(pipe.status === 0
          ? ["seeds/pipe.json: skipped, not a regular file or directory (a pipe, socket or device)"]
          : []),
      ]),
    );
  });
});

describe("characters that cannot be served (issue 17: a lone surrogate was served as invalid UTF-8)", () => {
  it("fails a lone surrogate or an escaped control character in JSON at the field's line, naming the character", async () => {
    const bad = [{ ...record(1), questionText: "To ask about \ud800 this." }, record(2)];
    const json = JSON.stringify(bad, null, 2);
    const jsonl = JSON.stringify({ ...record(3), answer: { ...record(3).answer, text: "Bell \u0007 here." } });
    const message = await failureOf(tempProject({ "a.json": json, "b.jsonl": jsonl }));
    expect(json).toContain("\\ud800");
    expect(message.split("\n")).toEqual([
      "seeds/a.json:9: questionText: expected text, found a lone surrogate U+D800 (half of a UTF-16 pair whose other half is missing; no UTF-8 can hold it) at character 14",
      "seeds/b.jsonl:1: answer.text: expected text, found the control character U+0007 (BEL) at character 6",
    ]);
  });

  it("fails a raw control character in a text seed at its line, and accepts tabs and Windows line endings", async () => {
    const lines = [
      ...memberBlock(blackman),
      "To ask\tthe Secretary of State a question.",
      "Answered on 15 September 2021",
    ];
    const good = tempProject({ "a.txt": `${[...lines, "An answer."].join("\r\n")}\r\n` });
    expect((await recordsOf(good))[0]?.questionText).toBe("To ask the Secretary of State a question.");
    const bad = tempProject({ "a.txt": [...lines, "An \u001b[31manswer."].join("\n") });
    expect(await failureOf(bad)).toBe("seeds/a.txt:7: expected text, found the control character U+001B (ESC)");
  });

  it("turns carriage returns in a JSON text into line breaks", async () => {
    const text = "First paragraph.\r\n\r\nSecond paragraph.";
    const [built] = await recordsOf(
      tempProject({ "a.json": JSON.stringify({ ...record(1), answer: { ...record(1).answer, text } }) }),
    );
    expect(built?.answer?.text).toBe("First paragraph.\n\nSecond paragraph.");
  });

  it("stores every text NFC, whichever form the seed wrote it in", async () => {
    const decomposed = "re\u0301gime"; // "régime" as e + combining acute
    const json = JSON.stringify({
      ...record(1),
      questionText: `To ask about the ${decomposed}.`,
      heading: decomposed,
      uin: `U${decomposed}`,
    });
    const text = [...memberBlock(blackman), `To ask about the ${decomposed} too.`].join("\n");
    const records = await recordsOf(tempProject({ "a.json": json, "b.txt": text }));
    expect(records.map((r) => [r.questionText, r.heading, r.uin])).toEqual([
      ["To ask about the r\u00e9gime.", "r\u00e9gime", "Ur\u00e9gime"],
      ["To ask about the r\u00e9gime too.", undefined, undefined],
    ]);
  });
});

describe("duplicate keys (issue 17: the last value was kept silently)", () => {
  it("fails a JSON object that repeats a key, naming the key and both lines, in every JSON format", async () => {
    const json = asJson([record(1)]).replace(
      '"questionText"',
      '"questionText": "To ask the first wording.",\n    "questionText"',
    );
    const jsonl = JSON.stringify(record(2)).replace('"name":"Bob Blackman"', '"name":"Bob","name":"Bob Blackman"');
    const api = asJson(fixture("list-expanded.json")).replace(
      '"uin": "HL12826"',
      '"uin": "HL1",\n      "uin": "HL12826"',
    );
    const apiLine = api.split("\n").findIndex((line) => line.includes('"HL12826"')) + 1;
    const message = await failureOf(tempProject({ "a.json": json, "b.jsonl": jsonl, "c.json": api }));
    expect(message.split("\n")).toEqual([
      `seeds/a.json:10: [0]: expected each key once in an object, found "questionText" again (first on line 9); JSON keeps only the last, so say which one you mean`,
      `seeds/b.jsonl:1: askingMember: expected each key once in an object, found "name" again (first on line 1); JSON keeps only the last, so say which one you mean`,
      `seeds/c.json:${apiLine}: results[1].value: expected each key once in an object, found "uin" again (first on line ${apiLine - 1}); JSON keeps only the last, so say which one you mean`,
    ]);
  });
});
