/**
 * Turns a seed file in one of the API's shapes into located canonical records. Every question is
 * checked against the API's own shape first, so a bad one is reported at its JSON path and line
 * (`results[3].value.dateTabled`), and the others still import.
 */
import { BuildError } from "../../errors";
import { formatJsonPath, jsonValueOffsets, lineFinder } from "../../stages/json-positions";
import type { LocatedInput, ParsedSeed } from "../../stages/located";
import type { SeedFile } from "../../stages/read";
import { describeFound, valueAt } from "../../stages/validate";
import { ApiQuestion } from "./api-question";
import { recordFromApi } from "./map";
import { type JsonShape, MAY_BE_TRUNCATED } from "./shape";

// Canonical field ← the API field it comes from, so schema errors after mapping name a real line.
const FIELD_SOURCES: Array<[string, string]> = [
  ["house", "house"],
  ["askingMember.name", "askingMember"],
  ["questionText", "questionText"],
  ["dateTabled", "dateTabled"],
  ["answer.text", "answerText"],
  ["answer.dateAnswered", "dateAnswered"],
  ["answeringBody", "answeringBodyName"],
  ["heading", "heading"],
  ["uin", "uin"],
];

export function parseApiSeed(file: SeedFile, shape: Extract<JsonShape, { kind: "api" }>): ParsedSeed {
  // Deep enough for `results[3].value.askingMember.name`.
  const offsets = jsonValueOffsets(file.text, 5);
  const lineAt = lineFinder(file.text);
  const lineOf = (path: PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const offset = offsets.get(formatJsonPath(path.slice(0, depth)));
      if (offset !== undefined) return lineAt(offset);
    }
    return 1;
  };
  const mayBeTruncated = MAY_BE_TRUNCATED.has(shape.shape);
  const records: LocatedInput[] = [];
  const problems: BuildError[] = [];
  for (const { value, path } of shape.questions) {
    const result = ApiQuestion.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const at = [...path, ...issue.path];
        const message = issue.message.replace(/^Invalid input: /, "");
        problems.push(
          new BuildError(
            { file: file.path, line: lineOf(at) },
            `${formatJsonPath(at) || "document"}: ${message}, found ${describeFound(valueAt(value, issue.path))}`,
          ),
        );
      }
      continue;
    }
    const fieldLines = new Map(FIELD_SOURCES.map(([field, apiField]) => [field, lineOf([...path, apiField])]));
    records.push({
      value: recordFromApi(result.data, mayBeTruncated),
      location: { file: file.path, line: lineOf(path) },
      fieldLines,
    });
  }
  return { records, problems, shape: shape.shape };
}
