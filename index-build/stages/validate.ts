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

/** Every string in a record holding a character that cannot be served, with where it is. */
function badStrings(value: unknown, path: PropertyKey[], out: Array<[PropertyKey[], string]>): void {
  if (typeof value === "string") {
    const bad = forbiddenCharacter(value);
    if (bad) out.push([[...path], `${bad.found} at character ${bad.index + 1}`]);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      badStrings(value[index], path, out);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      path.push(key);
      badStrings((value as Record<string, unknown>)[key], path, out);
      path.pop();
    }
  }
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
    const bad: Array<[PropertyKey[], string]> = [];
    badStrings(result.data, [], bad);
    for (const [path, found] of bad) at(path, `${path.map(String).join(".")}: expected text, found ${found}`);
    if (bad.length === 0) valid.push({ input: result.data, location: item.location });
  }
  return { valid, errors };
}
