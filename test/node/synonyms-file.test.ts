/** The editable synonyms file: read at build time, indexed under group keys, checked with file:line. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BuildFailure } from "../../index-build/pipeline";
import { type Collection, openCollection } from "../../src/engine";
import { build, tempProject } from "./build-helpers";

function withSynonyms(text: string): string {
  const root = tempProject({}, true);
  mkdirSync(join(root, "index-build"));
  writeFileSync(join(root, "index-build", "synonyms.json"), text);
  return root;
}

const totalFor = async (engine: Collection, q: string) =>
  (await engine.search({ answered: undefined, q, sort: "relevance", limit: 10, offset: 0 })).total;

describe("the synonyms file", () => {
  it("makes every variant of a group find the others once the collection is rebuilt", async () => {
    const before = openCollection((await build(withSynonyms('{"groups": []}'))).collection);
    expect(await totalFor(before, "slaughter")).toBe(0);
    const after = openCollection((await build(withSynonyms('{"groups": [["slaughter", "massacre"]]}'))).collection);
    expect(await totalFor(after, "slaughter")).toBe(await totalFor(after, "massacre"));
  });

  it("fails the build naming the file and line of a group with one variant", async () => {
    const root = withSynonyms('{\n  "groups": [\n    ["UN", "United Nations"],\n    ["lonely"]\n  ]\n}\n');
    const failure = await build(root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).message).toMatch(
      /^index-build\/synonyms\.json:\d+: synonyms\.groups\[1\]: expected a group of at least two variants/,
    );
  });

  it("fails the build naming the line of a JSON syntax error", async () => {
    const failure = await build(withSynonyms('{\n  "groups": [\n    ["UN" "United Nations"]\n  ]\n}\n')).catch(
      (error: unknown) => error,
    );
    expect((failure as BuildFailure).message).toMatch(/^index-build\/synonyms\.json:3: expected valid JSON/);
  });
});
