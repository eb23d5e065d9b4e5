/**
 * Reads the synonyms file the collection's owner edits (`index-build/synonyms.json` by default).
 * A missing file means no synonyms; a malformed one fails the build naming file:line.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { SynonymsFile } from "../../src/schema/synonyms";
import { BuildError } from "../errors";
import { syntaxErrorLine } from "./json-positions";

export function readSynonyms(path: string, projectRoot: string): string[][] {
  if (!existsSync(path)) return [];
  const file = relative(projectRoot, path) || path;
  const text = readFileSync(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BuildError(
      { file, line: syntaxErrorLine(text, error) },
      `expected valid JSON, found a syntax error (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = SynonymsFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
    // Point at the first line quoting the offending variant when there is one.
    const quoted = issue && typeof issue.input === "string" ? text.indexOf(JSON.stringify(issue.input)) : -1;
    const line = quoted >= 0 ? text.slice(0, quoted).split("\n").length : 1;
    throw new BuildError({ file, line }, `synonyms${where ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data.groups;
}
