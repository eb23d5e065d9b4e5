/**
 * Stage 2b, parse JSON seeds: `*.json` holds one record or an array of records, `*.jsonl` one
 * record per line, each in the canonical record shape (see README, "Adding records").
 */
import { BuildError } from "../errors";
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
  if (Array.isArray(value)) {
    const offsets = topLevelElementOffsets(file.text);
    return {
      records: value.map((item, i) => ({
        value: item,
        location: { file: file.path, line: lineAt(file.text, offsets[i] ?? 0) },
      })),
    };
  }
  if (value !== null && typeof value === "object") {
    const start = file.text.search(/\S/);
    return { records: [{ value, location: { file: file.path, line: lineAt(file.text, Math.max(start, 0)) } }] };
  }
  throw new BuildError(
    { file: file.path, line: 1 },
    `expected a record object or an array of records, found ${value === null ? "null" : typeof value}`,
  );
}

export function parseJsonLinesSeed(file: SeedFile): ParsedSeed {
  const records: LocatedInput[] = [];
  file.text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    records.push({ value: parseOrThrow(line, file.path, i + 1), location: { file: file.path, line: i + 1 } });
  });
  return { records };
}
