/**
 * Stage 2b, parse JSON seeds: `*.json` holds one record or an array of records in the canonical
 * shape (see README, "Adding records"), or a document saved from the UK Parliament
 * written-questions API (recognised by its content; see formats/parliament-api); `*.jsonl` holds
 * one canonical record per line.
 */
import { BuildError } from "../errors";
import { parseApiSeed } from "../formats/parliament-api/parse";
import { ACCEPTED_SHAPES, detectShape } from "../formats/parliament-api/shape";
import { lineAt, syntaxErrorLine, topLevelElementOffsets } from "./json-positions";
import type { LocatedInput, ParsedSeed } from "./located";
import type { SeedFile } from "./read";

function parseOrThrow(text: string, file: string, lineOffset: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[^:]*JSON[^:]*: /, "") : String(error);
    throw new BuildError(
      { file, line: lineOffset + syntaxErrorLine(text, error) - 1 },
      `expected valid JSON, found a syntax error (${reason})`,
    );
  }
}

export function parseJsonSeed(file: SeedFile): ParsedSeed {
  const value = parseOrThrow(file.text, file.path, 1);
  const shape = detectShape(value);
  if (shape.kind === "api") return parseApiSeed(file, shape);
  if (shape.kind === "unknown") {
    throw new BuildError(
      { file: file.path, line: lineAt(file.text, Math.max(file.text.search(/\S/), 0)) },
      `expected one of the accepted JSON shapes: ${ACCEPTED_SHAPES}; found ${shape.found}`,
    );
  }
  if (Array.isArray(value)) {
    const offsets = topLevelElementOffsets(file.text);
    return {
      records: value.map((item, i) => ({
        value: item,
        location: { file: file.path, line: lineAt(file.text, offsets[i] ?? 0) },
      })),
    };
  }
  const start = file.text.search(/\S/);
  return { records: [{ value, location: { file: file.path, line: lineAt(file.text, Math.max(start, 0)) } }] };
}

export function parseJsonLinesSeed(file: SeedFile): ParsedSeed {
  const records: LocatedInput[] = [];
  file.text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    records.push({ value: parseOrThrow(line, file.path, i + 1), location: { file: file.path, line: i + 1 } });
  });
  return { records };
}
