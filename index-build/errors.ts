/**
 * The build's errors: one family for everything a user can get wrong (a seed, the config file, a
 * PQSEARCH_* variable, a collection over its budget). Each names where to look and reads
 * `place: what was expected, what was found`; the CLI prints them without a stack trace. Any other
 * exception is a bug in the build and keeps its stack.
 */

export interface Location {
  /** Path relative to the project root, with forward slashes: `seeds/000_x.txt`. */
  file: string;
  /** 1-based line number. */
  line: number;
}

/**
 * Where a problem is: a line in a file; a file or directory as a whole (a dangling link, the seeds
 * directory); or a setting that lives in no file (`PQSEARCH_PLAN`, a default limit).
 */
export type Place = Location | { path: string } | { setting: string };

export function formatPlace(place: Place): string {
  if ("line" in place) return `${place.file}:${place.line}`;
  return "path" in place ? place.path : place.setting;
}

/** One problem, at one place. */
export class BuildError extends Error {
  readonly place: Place;
  readonly detail: string;

  constructor(place: Place, detail: string) {
    super(`${formatPlace(place)}: ${detail}`);
    this.name = "BuildError";
    this.place = place;
    this.detail = detail;
  }

  /** The file and line, when the problem has them. */
  get location(): Location | undefined {
    return "line" in this.place ? this.place : undefined;
  }
}

/** Every problem one run found, so a user sees them all at once. */
export class BuildFailure extends Error {
  readonly errors: BuildError[];

  constructor(errors: BuildError[]) {
    super(errors.map((error) => error.message).join("\n"));
    this.name = "BuildFailure";
    this.errors = errors;
  }
}

/** The problems an error carries, if it is one of the build's own; undefined for a bug. */
export function problemsOf(error: unknown): BuildError[] | undefined {
  if (error instanceof BuildFailure) return error.errors;
  if (error instanceof BuildError) return [error];
  return undefined;
}

/** Shortens a found value for an error message: quoted, one line, at most 60 characters. */
export function quote(found: string): string {
  const oneLine = found.replace(/\s+/g, " ");
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine);
}
