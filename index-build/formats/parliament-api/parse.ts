/**
 * Turns a seed file in one of the API's shapes into located canonical records. Every question is
 * checked against the API's own shape first, so a bad one is reported at its JSON path and line
 * (`results[3].value.dateTabled`), and the others still import. Keys are checked as api-fields.ts
 * says: the API's own fields pass, unknown ones are reported, misspelt ones fail.
 */
import { BuildError } from "../../errors";
import type { JsonDocument } from "../../stages/json-document";
import { formatJsonPath } from "../../stages/json-positions";
import type { LocatedInput, ParsedSeed } from "../../stages/located";
import type { SeedFile } from "../../stages/read";
import { describeFound, valueAt } from "../../stages/validate";
import { checkApiKeys } from "./api-fields";
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
  const ignored = new Map<string, { line: number; questions: number }>();
  const problem = (at: PropertyKey[], detail: string) =>
    problems.push(
      new BuildError({ file: file.path, line: document.lineOf(at) }, `${formatJsonPath(at) || "document"}: ${detail}`),
    );

  for (const { value, path } of shape.questions) {
    const keys = checkApiKeys(value);
    for (const error of keys.errors) problem([...path, ...error.path], error.detail);
    for (const below of keys.ignored) {
      const name = formatJsonPath(below);
      const seen = ignored.get(name);
      if (seen) seen.questions++;
      else ignored.set(name, { line: document.lineOf([...path, ...below]), questions: 1 });
    }
    const result = ApiQuestion.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const message = issue.message.replace(/^Invalid input: /, "");
        problem([...path, ...issue.path], `${message}, found ${describeFound(valueAt(value, issue.path))}`);
      }
      continue;
    }
    if (keys.errors.length > 0) continue;
    records.push({
      value: recordFromApi(result.data, mayBeTruncated),
      location: { file: file.path, line: document.lineOf(path) },
      lineOf: (field) => {
        const apiField = FIELD_SOURCES.get(field.join("."));
        return apiField === undefined ? undefined : document.lineOf([...path, apiField]);
      },
    });
  }
  const warnings = [...ignored].map(
    ([name, { line, questions }]) =>
      `${file.path}:${line}: ignored the field ${name} in ${questions} API question(s): not one of the API's fields pqsearch knows (formats/parliament-api/api-fields.ts)`,
  );
  return { records, problems, warnings, shape: shape.shape };
}
