/**
 * Stage 2b, parse JSON seeds: `*.json` holds one record or an array of records in the canonical
 * shape (see README, "Adding records"), or a document saved from the UK Parliament
 * written-questions API (recognised by its content; see formats/parliament-api); `*.jsonl` holds
 * one canonical record per line. Both are read in time linear in their size: every record's line
 * comes from one scan of the file (json-document.ts).
 */
import { BuildError } from "../errors";
import { parseApiSeed } from "../formats/parliament-api/parse";
import { ACCEPTED_SHAPES, detectShape } from "../formats/parliament-api/shape";
import { readJsonDocument } from "./json-document";
import type { LocatedInput, ParsedSeed } from "./located";
import type { SeedFile } from "./read";

const NOT_SPACE = /\S/;

export function parseJsonSeed(file: SeedFile): ParsedSeed {
  const document = readJsonDocument(file.text, file.path);
  if (document.problems.length > 0) return { records: [], problems: document.problems };
  const { value } = document;
  const shape = detectShape(value);
  if (shape.kind === "api") return parseApiSeed(file, document, shape);
  if (shape.kind === "unknown") {
    throw new BuildError(
      { file: file.path, line: document.lineOf([]) },
      `expected one of the accepted JSON shapes: ${ACCEPTED_SHAPES}; found ${shape.found}`,
    );
  }
  const isArray = Array.isArray(value);
  return {
    records: (isArray ? value : [value]).map((item, index) => {
      const at = isArray ? [index] : [];
      return {
        value: item,
        location: { file: file.path, line: document.lineOf(at) },
        lineOf: (path) => document.lineOf([...at, ...path]),
      };
    }),
  };
}

export function parseJsonLinesSeed(file: SeedFile): ParsedSeed {
  const records: LocatedInput[] = [];
  const problems: BuildError[] = [];
  const { text } = file;
  for (let start = 0, line = 1; start < text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    // A slice shares the file's text, so keeping it for error lines costs no copy.
    const source = text.slice(start, end);
    start = end + 1;
    if (!NOT_SPACE.test(source)) continue;
    try {
      const document = readJsonDocument(source, file.path, { line, landmarks: false });
      if (document.problems.length > 0) problems.push(...document.problems);
      else records.push({ value: document.value, location: { file: file.path, line }, lineOf: document.lineOf });
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      problems.push(error);
    }
  }
  return { records, problems };
}
