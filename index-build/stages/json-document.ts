/**
 * A JSON document as the build reads it: parsed by JSON.parse, scanned once (json-scan.ts) for
 * repeated keys, nesting deeper than MAX_JSON_DEPTH and where its records start, and able to name
 * the line of any value. Every problem names file:line. Seeds, the synonyms file and the config
 * file are all read this way.
 */
import { BuildError } from "../errors";
import { lineBelow } from "./json-locate";
import { formatJsonPath, syntaxErrorLine } from "./json-positions";
import { scanJson } from "./json-scan";

export interface JsonDocument {
  value: unknown;
  /** Repeated keys and over-deep nesting: the value is not to be used when there are any. */
  problems: BuildError[];
  /** 1-based line of the value at `path`, or of the deepest part of the path that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

export interface JsonPlacement {
  /** The line the text starts on in its file (a line of a JSON Lines file); 1 by default. */
  line?: number;
  /** Record where every record starts (a `.json` file), or only the root (a line of a `.jsonl` file). */
  landmarks?: boolean;
}

/** Parses `text` as JSON; a syntax error throws a BuildError naming its line. */
export function readJsonDocument(text: string, file: string, placement: JsonPlacement = {}): JsonDocument {
  const { line = 1, landmarks = true } = placement;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[^:]*JSON[^:]*: /, "") : String(error);
    throw new BuildError(
      { file, line: line + syntaxErrorLine(text, error) - 1 },
      `expected valid JSON, found a syntax error (${reason})`,
    );
  }
  const scan = scanJson(text, { line, landmarks });
  return {
    value,
    problems: scan.problems.map((problem) => new BuildError({ file, line: problem.line }, problem.detail)),
    lineOf(path) {
      for (let depth = Math.min(path.length, 2); depth >= 0; depth--) {
        const place = scan.landmarks.get(formatJsonPath(path.slice(0, depth)));
        if (place) return lineBelow(text, place, path.slice(depth));
      }
      return line;
    },
  };
}
