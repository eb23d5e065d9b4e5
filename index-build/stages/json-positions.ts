/**
 * JSON.parse gives no positions, but error messages must name a line. This scans JSON text for
 * where each element of the top-level array starts, and turns parse-error offsets into lines.
 */

/** Line (1-based) of a UTF-16 offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Start offsets of the top-level array's elements; empty if the text is not an array. */
export function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === " " || char === "\n" || char === "\t" || char === "\r") continue;
    if (expectElement && depth === 1) {
      offsets.push(i);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      depth++;
      if (depth === 1 && char === "[") expectElement = true;
    } else if (char === "]" || char === "}") depth--;
    else if (char === "," && depth === 1) expectElement = true;
  }
  return offsets;
}

/** The line a JSON.parse error points at, when V8's message carries a position. */
export function syntaxErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : 1;
}
