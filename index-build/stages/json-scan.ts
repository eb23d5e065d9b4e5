/**
 * What `JSON.parse` does not say about a JSON document: where its values are, whether an object
 * repeats a key (JSON.parse keeps the last one silently), and whether it nests deeper than any
 * seed needs. One pass over text JSON.parse has already accepted, with an explicit stack, so the
 * time is linear in the file's size and no nesting depth can overflow the call stack.
 */
import { formatJsonPath } from "./json-positions";

/**
 * How deep a seed's JSON may nest. The deepest value pqsearch reads is five levels down
 * (`results[3].value.askingMember.name`); 64 leaves room for any wrapper a user saves around it.
 */
export const MAX_JSON_DEPTH = 64;

/** Where a value starts: its offset in the text and its 1-based line. */
export interface JsonPlace {
  offset: number;
  line: number;
}

export interface JsonProblem {
  line: number;
  /** `path: what was expected, what was found`. */
  detail: string;
}

export interface JsonScan {
  /**
   * Where the values a collection is made of start, by `formatJsonPath`: the root, its members or
   * elements, and the elements of arrays among the root's members (`results[3]`). Deeper places
   * are found from the nearest of these (see json-locate.ts), so a file costs one entry a record.
   */
  landmarks: Map<string, JsonPlace>;
  problems: JsonProblem[];
}

interface Frame {
  isObject: boolean;
  /** Each key seen so far in this object, and the line it was on. */
  keys: Map<string, number> | null;
  key: string;
  index: number;
}

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Scans JSON `text` (already accepted by JSON.parse). `line` is the line the text starts on;
 * `landmarks: false` records only the root (for JSON Lines, where every line is a small document
 * of its own).
 */
export function scanJson(
  text: string,
  { line: startLine = 1, landmarks: wantLandmarks = true, maxDepth = MAX_JSON_DEPTH } = {},
): JsonScan {
  const landmarks = new Map<string, JsonPlace>();
  const problems: JsonProblem[] = [];
  const stack: Frame[] = [];
  let i = 0;
  let line = startLine;
  // Valid JSON has raw line breaks only between tokens, so only white space counts lines.
  const skipSpace = () => {
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === 10) line++;
      else if (code !== 32 && code !== 9 && code !== 13) return;
      i++;
    }
  };
  // The next backslash at or after `from`, found once and reused: a key decodes by slicing unless
  // a backslash falls inside it, and the search never passes the same text twice.
  let nextBackslash = -1;
  const backslashFrom = (from: number) => {
    if (nextBackslash !== Number.POSITIVE_INFINITY && nextBackslash < from) {
      const found = text.indexOf("\\", from);
      nextBackslash = found < 0 ? Number.POSITIVE_INFINITY : found;
    }
    return nextBackslash;
  };
  const stringEnd = (from: number): number => {
    let at = from + 1;
    for (;;) {
      const quote = text.indexOf('"', at);
      if (quote < 0) return text.length;
      let before = quote - 1;
      while (text.charCodeAt(before) === BACKSLASH) before--;
      if ((quote - 1 - before) % 2 === 0) return quote + 1;
      at = quote + 1;
    }
  };
  const pathOf = (frames: Frame[]) => formatJsonPath(frames.map((frame) => (frame.isObject ? frame.key : frame.index)));
  const readKey = (frame: Frame) => {
    const end = stringEnd(i);
    const key = backslashFrom(i) < end ? (JSON.parse(text.slice(i, end)) as string) : text.slice(i + 1, end - 1);
    const keys = frame.keys as Map<string, number>;
    const first = keys.get(key);
    if (first === undefined) keys.set(key, line);
    else
      problems.push({
        line,
        detail: `${pathOf(stack.slice(0, -1)) || "document"}: expected each key once in an object, found ${JSON.stringify(key)} again (first on line ${first}); JSON keeps only the last, so say which one you mean`,
      });
    frame.key = key;
    i = end;
    skipSpace();
    i++; // the colon
  };

  for (;;) {
    skipSpace();
    const depth = stack.length;
    if (depth === 0 || (wantLandmarks && (depth === 1 || (depth === 2 && !(stack[1] as Frame).isObject))))
      landmarks.set(pathOf(stack), { offset: i, line });
    const code = text.charCodeAt(i);
    if (code === 123 || code === 91) {
      if (depth >= maxDepth) {
        problems.push({
          line,
          detail: `${pathOf(stack.slice(0, 8))}${depth > 8 ? "…" : ""}: expected JSON nested at most ${maxDepth} levels deep, found deeper nesting`,
        });
        return { landmarks, problems };
      }
      const isObject = code === 123;
      i++;
      skipSpace();
      if (text.charCodeAt(i) !== (isObject ? 125 : 93)) {
        const frame: Frame = { isObject, keys: isObject ? new Map() : null, key: "", index: 0 };
        stack.push(frame);
        if (isObject) readKey(frame);
        continue;
      }
      i++; // an empty object or array
    } else if (code === QUOTE) {
      i = stringEnd(i);
    } else {
      // A number, true, false or null: JSON.parse has checked it; find where it ends.
      for (;;) {
        const next = text.charCodeAt(i);
        if (next === 44 || next === 93 || next === 125 || next === 32 || next === 10 || next === 13 || next === 9)
          break;
        if (Number.isNaN(next)) break;
        i++;
      }
    }
    // After a value: close what it ends, then step to the next member.
    for (;;) {
      skipSpace();
      const frame = stack.at(-1);
      if (!frame) return { landmarks, problems };
      const next = text.charCodeAt(i++);
      if (next === 44) {
        skipSpace();
        if (frame.isObject) readKey(frame);
        else frame.index++;
        break;
      }
      stack.pop(); // `}` or `]`
    }
  }
}
