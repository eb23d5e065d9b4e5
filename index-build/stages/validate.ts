/** Stage 3, validate: every parsed record against the one record schema, errors at their line. */
import type { z } from "zod";
import { RecordInput, type RecordInput as RecordInputType } from "../../src/schema/record";
import { BuildError, type Location } from "../errors";
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

/** Validates every record; returns all failures rather than the first, so one run shows them all. */
export function validateRecords(parsed: LocatedInput[]): { valid: ValidRecord[]; errors: BuildError[] } {
  const valid: ValidRecord[] = [];
  const errors: BuildError[] = [];
  for (const item of parsed) {
    const result = RecordInput.safeParse(item.value);
    if (result.success) {
      valid.push({ input: result.data, location: item.location });
      continue;
    }
    for (const issue of result.error.issues) {
      // An unexpected field is reported where the first of them is written.
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] as string] : issue.path;
      const line = item.lineOf?.(path) ?? item.location.line;
      errors.push(new BuildError({ file: item.location.file, line }, explain(issue, item.value)));
    }
  }
  return { valid, errors };
}
