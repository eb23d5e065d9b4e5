/**
 * Stage 3, validate: every parsed record against the one record schema, errors at their line.
 * A record that passes must also hold only characters that can be served (characters.ts).
 */
import type { z } from "zod";
import { RecordInput, type RecordInput as RecordInputType } from "../../src/schema/record";
import { BuildError, type Location } from "../errors";
import { forbiddenCharacter } from "./characters";
import type { LocatedInput } from "./located";

export interface ValidRecord {
  input: RecordInputType;
  location: Location;
}

/** A found value as an error message shows it: short, quoted, or its kind. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

/** The value at a zod issue path, for saying what was found. Own properties only. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function explain(issue: z.core.$ZodIssue, root: unknown): string {
  const path = issue.path.map(String).join(".") || "record";
  if (issue.code === "unrecognized_keys") {
    return `${path}: unexpected field(s) ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}; see README, "Adding records", for the record's fields`;
  }
  const message = issue.message.replace(/^Invalid input: /, "");
  return `${path}: ${message}, found ${describeFound(valueAt(root, issue.path))}`;
}

/** Every string in a record with where it is, for the character check. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[string, PropertyKey[]]> {
  if (typeof value === "string") yield [value, path];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, [...path, index]);
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

/** Validates every record; returns all failures rather than the first, so one run shows them all. */
export function validateRecords(parsed: LocatedInput[]): { valid: ValidRecord[]; errors: BuildError[] } {
  const valid: ValidRecord[] = [];
  const errors: BuildError[] = [];
  for (const item of parsed) {
    const at = (path: readonly PropertyKey[], detail: string) =>
      errors.push(
        new BuildError({ file: item.location.file, line: item.lineOf?.(path) ?? item.location.line }, detail),
      );
    const result = RecordInput.safeParse(item.value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // An unexpected field is reported where the first of them is written.
        const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] as string] : issue.path;
        at(path, explain(issue, item.value));
      }
      continue;
    }
    let clean = true;
    for (const [text, path] of strings(result.data)) {
      const bad = forbiddenCharacter(text);
      if (!bad) continue;
      at(path, `${path.map(String).join(".")}: expected text, found ${bad.found} at character ${bad.index + 1}`);
      clean = false;
    }
    if (clean) valid.push({ input: result.data, location: item.location });
  }
  return { valid, errors };
}
