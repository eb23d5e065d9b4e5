/** The build's one error type: it always names the file and line a user must fix. */

export interface Location {
  /** Path relative to the project root, with forward slashes: `seeds/000_x.txt`. */
  file: string;
  /** 1-based line number. */
  line: number;
}

export class BuildError extends Error {
  readonly location: Location;
  readonly detail: string;

  constructor(location: Location, detail: string) {
    super(`${location.file}:${location.line}: ${detail}`);
    this.name = "BuildError";
    this.location = location;
    this.detail = detail;
  }
}

/** Shortens a found value for an error message: quoted, one line, at most 60 characters. */
export function quote(found: string): string {
  const oneLine = found.replace(/\s+/g, " ");
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine);
}
