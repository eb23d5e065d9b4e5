/**
 * Reads the synonym files: the general vocabulary of UK government every collection gets
 * (`index-build/uk-government-synonyms.json`) and the collection's own (`index-build/synonyms.json`),
 * both validated by one schema. A missing file means no groups from it; a malformed one fails the
 * build naming file:line (every malformed file in one run). Groups naming the same first variant
 * are merged, so a collection's file can extend a general group by repeating its first variant.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { stemsOf } from "../../src/engine/synonyms";
import { SynonymsFile } from "../../src/schema/synonyms";
import { BuildError, BuildFailure, problemsOf } from "../errors";
import { readJsonDocument } from "./json-document";

/** Every file's groups, in order, merged where two groups' first variants read the same. */
export function readSynonymFiles(paths: readonly string[], projectRoot: string): string[][] {
  const problems: BuildError[] = [];
  const merged = new Map<string, string[]>();
  for (const path of paths) {
    try {
      for (const group of readSynonyms(path, projectRoot)) {
        const name = stemsOf(group[0] as string).join(" ");
        const earlier = merged.get(name);
        if (earlier) for (const variant of group) if (!earlier.includes(variant)) earlier.push(variant);
        if (!earlier) merged.set(name, [...group]);
      }
    } catch (error) {
      const found = problemsOf(error);
      if (!found) throw error;
      problems.push(...found);
    }
  }
  if (problems.length > 0) throw new BuildFailure(problems);
  return [...merged.values()];
}

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
