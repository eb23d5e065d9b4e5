import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { internals } from "../../src/engine";

const { encodeDocSet, forEachDoc } = internals;

const decode = (encoded: string) => {
  const docs: number[] = [];
  forEachDoc(encoded, (doc) => docs.push(doc));
  return docs;
};

describe("encoded record sets", () => {
  it("decode to exactly the records encoded, sparse or dense, gaps of any size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.array(fc.nat(), { maxLength: 400 }), (size, raw) => {
        const docs = [...new Set(raw.map((value) => value % size))].sort((a, b) => a - b);
        const encoded = encodeDocSet(docs, size);
        expect(encoded).toMatch(/^[db][0-9A-Za-z_-]*$/);
        expect(decode(encoded)).toEqual(docs);
      }),
    );
  });

  it("use a bitmap when most records are in the set, and are then far shorter than JSON", () => {
    const docs = Array.from({ length: 9000 }, (_, i) => i + Math.floor(i / 9));
    const encoded = encodeDocSet(docs, 10_000);
    expect(encoded[0]).toBe("b");
    expect(encoded.length).toBeLessThan(JSON.stringify(docs).length / 20);
    expect(decode(encoded)).toEqual(docs);
  });
});
