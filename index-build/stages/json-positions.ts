/**
 * How the build names places in JSON: lines of JSON.parse's syntax errors, and JSON paths
 * (`results[3].value.dateTabled`). Where values are is json-scan.ts's and json-locate.ts's job.
 */

/** Line (1-based) of a UTF-16 offset in `text`. One scan: for a single error, never per record. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line a JSON.parse error points at, when V8's message carries a position. */
export function syntaxErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : 1;
}

/** `results[3].value.dateTabled`: how error messages name a place in a JSON document. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
