/** The editable synonyms file: read at build time, indexed under group keys, checked with file:line. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BuildFailure } from "../../index-build/pipeline";
import { readSynonymFiles } from "../../index-build/stages/synonyms";
import { type Collection, openCollection } from "../../src/engine";
import { build, tempProject } from "./build-helpers";

function withSynonyms(text: string, general?: string): string {
  const root = tempProject({}, true);
  mkdirSync(join(root, "index-build"));
  writeFileSync(join(root, "index-build", "synonyms.json"), text);
  if (general !== undefined) writeFileSync(join(root, "index-build", "uk-government-synonyms.json"), general);
  return root;
}

/** Records matching every word (match=all: a group's single words would add partial matches). */
const totalFor = async (engine: Collection, q: string) =>
  (await engine.search({ answered: undefined, q, sort: "relevance", match: "all", limit: 10, offset: 0 })).total;

describe("the synonyms file", () => {
  it("makes every variant of a group find the others once the collection is rebuilt", async () => {
    const before = openCollection((await build(withSynonyms('{"groups": []}'))).collection);
    expect(await totalFor(before, "slaughter")).toBe(0);
    const after = openCollection((await build(withSynonyms('{"groups": [["slaughter", "massacre"]]}'))).collection);
    expect(await totalFor(after, "slaughter")).toBe(await totalFor(after, "massacre"));
  });

  it("ships only the groups the records hold; a group none holds leaves its words plain words", async () => {
    // Both words of "prisoners government" are in the seed, never in that order; "zzkeyword" nowhere.
    const groups = '{"groups": [["slaughter", "massacre"], ["zzkeyword", "prisoners government"]]}';
    const built = await build(withSynonyms(groups));
    expect(built.collection.synonyms.map((group) => group.key)).toEqual(["~slaughter"]);
    const engine = openCollection(built.collection);
    expect(await totalFor(engine, "slaughter")).toBe(await totalFor(engine, "massacre"));
    // As in a collection without the group: its words are searched for as words.
    const plain = openCollection((await build(withSynonyms('{"groups": []}'))).collection);
    expect(await totalFor(engine, "prisoners government")).toBeGreaterThan(0);
    expect(await totalFor(engine, "prisoners government")).toBe(await totalFor(plain, "prisoners government"));
  });

  it("fails the build naming the file and line of a group with one variant", async () => {
    const root = withSynonyms('{\n  "groups": [\n    ["UN", "United Nations"],\n    ["lonely"]\n  ]\n}\n');
    const failure = await build(root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).message).toMatch(
      /^index-build\/synonyms\.json:\d+: synonyms\.groups\[1\]: expected a group of at least two variants/,
    );
  });

  it("reads the general UK-government vocabulary beside the collection's own, merging groups with one first variant", async () => {
    const general = '{"groups": [["slaughter", "massacre"], ["PM", "Prime Minister"]]}';
    const engine = openCollection(
      (await build(withSynonyms('{"groups": [["Slaughter", "mass killing"]]}', general))).collection,
    );
    // From the general file alone, and from the collection's file extending the general group.
    expect(await totalFor(engine, "PM")).toBe(await totalFor(engine, "Prime Minister"));
    expect(await totalFor(engine, "slaughter")).toBeGreaterThan(0);
    expect(await totalFor(engine, "mass killing")).toBe(await totalFor(engine, "slaughter"));
    const root = withSynonyms('{"groups": [["Slaughter", "mass killing"]]}', general);
    const files = ["uk-government-synonyms.json", "synonyms.json"].map((name) => join(root, "index-build", name));
    expect(readSynonymFiles(files, root)).toEqual([
      ["slaughter", "massacre", "Slaughter", "mass killing"],
      ["PM", "Prime Minister"],
    ]);
  });

  it("fails the build naming every malformed synonyms file, the general one included", async () => {
    const root = withSynonyms('{"groups": [["lonely"]]}', '{\n  "groups": [\n    ["alone"]\n  ]\n}\n');
    const failure = (await build(root).catch((error: unknown) => error)) as BuildFailure;
    expect(failure).toBeInstanceOf(BuildFailure);
    expect(failure.message).toMatch(/^index-build\/uk-government-synonyms\.json:3: synonyms\.groups\[0\]/m);
    expect(failure.message).toMatch(/^index-build\/synonyms\.json:1: synonyms\.groups\[0\]/m);
  });

  it("fails the build naming the line of a JSON syntax error", async () => {
    const failure = await build(withSynonyms('{\n  "groups": [\n    ["UN" "United Nations"]\n  ]\n}\n')).catch(
      (error: unknown) => error,
    );
    expect((failure as BuildFailure).message).toMatch(/^index-build\/synonyms\.json:3: expected valid JSON/);
  });
});
