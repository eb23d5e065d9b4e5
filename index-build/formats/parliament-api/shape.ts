/**
 * Recognises, by content and never by file name, which kind of JSON document a seed holds:
 * canonical records, or one of the three shapes saved from the written-questions API.
 */

export type ApiShape = "list response" | "single-question response" | "array of question objects" | "question object";

/** Where the list endpoint's cuts apply: a list response, or a bare array that may come from one. */
export const MAY_BE_TRUNCATED: ReadonlySet<ApiShape> = new Set([
  "list response",
  "array of question objects",
  "question object",
]);

export type JsonShape =
  | { kind: "canonical" }
  | { kind: "api"; shape: ApiShape; questions: Array<{ value: unknown; path: PropertyKey[] }> }
  | { kind: "unknown"; found: string };

export const ACCEPTED_SHAPES =
  "a record or an array of records in the canonical shape (see README, “Adding records”); " +
  'a written-questions API list response {"totalResults", "results": [{"value", "links"}]}; ' +
  'a single-question response {"value", "links"}; or an array of the API\'s question objects';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The API's question object: a numeric `id` next to the asking member's id. */
function isApiQuestion(value: unknown): boolean {
  return isObject(value) && typeof value.id === "number" && "askingMemberId" in value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (!isObject(value)) return typeof value;
  const keys = Object.keys(value);
  if (keys.length === 0) return "an empty object";
  const shown = keys.slice(0, 6).map((key) => JSON.stringify(key));
  return `an object with keys ${shown.join(", ")}${keys.length > 6 ? ", …" : ""}`;
}

export function detectShape(document: unknown): JsonShape {
  if (Array.isArray(document)) {
    if (!document.some(isApiQuestion)) return { kind: "canonical" };
    return {
      kind: "api",
      shape: "array of question objects",
      questions: document.map((value, index) => ({ value, path: [index] })),
    };
  }
  if (!isObject(document)) return { kind: "unknown", found: describe(document) };
  if (Array.isArray(document.results) && ("totalResults" in document || document.results.some(isResult))) {
    return {
      kind: "api",
      shape: "list response",
      questions: document.results.map((result, index) => ({
        value: isObject(result) ? result.value : undefined,
        path: ["results", index, "value"],
      })),
    };
  }
  if (isObject(document.value) && !("questionText" in document)) {
    return { kind: "api", shape: "single-question response", questions: [{ value: document.value, path: ["value"] }] };
  }
  if (isApiQuestion(document))
    return { kind: "api", shape: "question object", questions: [{ value: document, path: [] }] };
  if ("questionText" in document || "askingMember" in document) return { kind: "canonical" };
  return { kind: "unknown", found: describe(document) };
}

function isResult(value: unknown): boolean {
  return isObject(value) && "value" in value;
}
