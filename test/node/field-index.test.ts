/**
 * The Worker reads the build's FlexSearch export without FlexSearch (src/engine/field-index.ts).
 * These tests hold that reading to FlexSearch's own import: the same key map, for the seed
 * collection and for a generated one, whole or a chunk at a time as a sharded collection imports
 * postings. A FlexSearch upgrade that changes its export format fails here.
 */
import { describe, expect, it } from "vitest";
import { generateRecords } from "../../bench/generate";
import type { CompiledCollection } from "../../src/engine";
import { importFieldIndex, postingsOf } from "../../src/engine/field-index";
import { createFieldIndex, exportFieldIndex, type SerializedFieldIndex } from "../../src/engine/flex";
import generated from "../../src/generated/collection.js";
import { terms } from "../../src/text/tokenize";

/** The key map FlexSearch itself builds from an export, configured as the build configures it. */
function flexSearchMap(chunks: SerializedFieldIndex): Map<string, unknown> {
  const index = createFieldIndex();
  for (const [key, data] of chunks) index.import(key, JSON.stringify(data));
  const map = (index as unknown as { map?: unknown }).map;
  if (!(map instanceof Map)) throw new Error("this FlexSearch version keeps no key map on Index");
  return map;
}

/** A field index of generated question texts, exported as the build exports it. */
function generatedExport(count: number): SerializedFieldIndex {
  const index = createFieldIndex();
  for (const [doc, record] of generateRecords(count, 7).entries()) index.add(doc, terms(record.questionText).join(" "));
  return exportFieldIndex(index);
}

describe("reading a field index without FlexSearch", () => {
  it("gives the seed collection's key maps exactly as FlexSearch's import does", () => {
    const fieldIndexes = (generated as CompiledCollection).fieldIndexes;
    // Fields the seed never fills (heading, answeringBody) export empty maps; most fields are not empty.
    const sizes = Object.values(fieldIndexes).map((chunks) => {
      const map = postingsOf(importFieldIndex(chunks));
      expect(map).toEqual(flexSearchMap(chunks));
      return map.size;
    });
    expect(sizes.filter((size) => size > 0).length).toBeGreaterThan(sizes.length / 2);
  });

  it("gives a generated collection's key map exactly as FlexSearch's import does", () => {
    const chunks = generatedExport(2_000);
    const map = postingsOf(importFieldIndex(chunks));
    expect(map.size).toBeGreaterThan(500);
    expect(map).toEqual(flexSearchMap(chunks));
  });

  it("adds postings a part at a time, as a sharded collection imports them, to the same map", () => {
    const chunks = generatedExport(500);
    const entries = chunks
      .filter(([key]) => key.endsWith("map"))
      .flatMap(([, data]) => data as Array<[string, unknown]>);
    const index = importFieldIndex([]);
    const half = Math.floor(entries.length / 2);
    index.import("map", entries.slice(0, half));
    index.import("map", JSON.stringify(entries.slice(half)));
    expect(postingsOf(index)).toEqual(flexSearchMap(chunks));
  });

  it("ignores the chunks that hold nothing the engine reads", () => {
    const index = importFieldIndex([
      ["1.reg", [0, 1, 2]],
      ["1.cfg", null],
    ]);
    expect(postingsOf(index).size).toBe(0);
  });
});
