/**
 * Turns a seed file in one of the API's shapes into located canonical records. Every question is
 * checked against the API's own shape first, so a bad one is reported at its JSON path and line
 * (`results[3].value.dateTabled`), and the others still import.
 */
import { BuildError } from "../../errors";
import type { JsonDocument } from "../../stages/json-document";
import { formatJsonPath } from "../../stages/json-positions";
import type { LocatedInput, ParsedSeed } from "../../stages/located";
import type { SeedFile } from "../../stages/read";
import { describeFound, valueAt } from "../../stages/validate";
import { ApiQuestion } from "./api-question";
import { recordFromApi } from "./map";
import { type JsonShape, MAY_BE_TRUNCATED } from "./shape";

// Canonical field ← the API field it comes from, so schema errors after mapping name a real line.
const FIELD_SOURCES = new Map<string, string>([
  ["house", "house"],
  ["askingMember.name", "askingMember"],
  ["questionText", "questionText"],
  ["dateTabled", "dateTabled"],
  ["answer.text", "answerText"],
  ["answer.dateAnswered", "dateAnswered"],
  ["answeringBody", "answeringBodyName"],
  ["heading", "heading"],
  ["uin", "uin"],
]);

export function parseApiSeed(
  file: SeedFile,
  document: JsonDocument,
  shape: Extract<JsonShape, { kind: "api" }>,
): ParsedSeed {
  const mayBeTruncated = MAY_BE_TRUNCATED.has(shape.shape);
  const records: LocatedInput[] = [];
  const problems: BuildError[] = [];
  const problem = (at: PropertyKey[], detail: string) =>
    problems.push(
      new BuildError({ file: file.path, line: document.lineOf(at) }, `${formatJsonPath(at) || "document"}: ${detail}`),
    );

  for (const { value, path } of shape.questions) {
    const result = ApiQuestion.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const message = issue.message.replace(/^Invalid input: /, "");
        problem([...path, ...issue.path], `${message}, found ${describeFound(valueAt(value, issue.path))}`);
      }
      continue;
    }
    records.push({
      value: recordFromApi(result.data, mayBeTruncated),
      location: { file: file.path, line: document.lineOf(path) },
      lineOf: (field) => {
        const apiField = FIELD_SOURCES.get(field.join("."));
        return apiField === undefined ? undefined : document.lineOf([...path, apiField]);
      },
    });
  }
  return { records, problems, shape: shape.shape };
}
