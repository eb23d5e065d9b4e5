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

/** `lineAt` for many offsets in one text: line starts are found once, then binary-searched. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
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

/**
 * Start offset of every value in well-formed JSON `text` down to `maxDepth`, keyed by its
 * `formatJsonPath` (the root is `""`). One pass, so a large API response costs one scan.
 */
export function jsonValueOffsets(text: string, maxDepth: number): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const skipSpace = () => {
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code !== 32 && code !== 10 && code !== 13 && code !== 9) break;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // The path travels as its formatted text, extended one key at a time: no arrays per value.
  const readValue = (path: string, depth: number): void => {
    skipSpace();
    if (depth <= maxDepth) offsets.set(path, i);
    const char = text[i];
    if (char === "{" || char === "[") {
      const isObject = char === "{";
      i++;
      skipSpace();
      if (text[i] === (isObject ? "}" : "]")) {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        skipSpace();
        let childPath = `${path}[${index}]`;
        if (isObject) {
          childPath = path + formatJsonPath([readString()]).replace(/^(?=[A-Za-z_$])/, path ? "." : "");
          skipSpace();
          i++; // the colon
        }
        readValue(childPath, depth + 1);
        skipSpace();
        if (text[i++] !== ",") return; // the closing bracket
      }
    }
    if (char === '"') {
      readString();
      return;
    }
    while (i < text.length && !",]} \n\r\t".includes(text[i] as string)) i++;
  };
  readValue("", 0);
  return offsets;
}
