/**
 * Reads the synonyms file the collection's owner edits (`index-build/synonyms.json` by default).
 * A missing file means no synonyms; a malformed one fails the build naming file:line.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { SynonymsFile } from "../../src/schema/synonyms";
import { BuildError, BuildFailure } from "../errors";
import { readJsonDocument } from "./json-document";

export function readSynonyms(path: string, projectRoot: string): string[][] {
  if (!existsSync(path)) return [];
  const file = relative(projectRoot, path) || path;
  const document = readJsonDocument(readFileSync(path, "utf8"), file);
  if (document.problems.length > 0) throw new BuildFailure(document.problems);
  const parsed = SynonymsFile.safeParse(document.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
    throw new BuildError(
      { file, line: document.lineOf(issue?.path ?? []) },
      `synonyms${where ?? ""}: ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data.groups;
}
