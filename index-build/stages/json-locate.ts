/**
 * Finds the line of a value deep inside a JSON document by walking the text of one small value
 * (a record) from where it starts, never from the start of the file. Only error messages ask, so
 * the work is proportional to the record a problem is in.
 */
import type { JsonPlace } from "./json-scan";

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

function stringEnd(text: string, from: number): number {
  let at = from + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let before = quote - 1;
    while (text.charCodeAt(before) === 92) before--;
    if ((quote - 1 - before) % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** Offset just past the value starting at `from` (which is not white space). */
function valueEnd(text: string, from: number): number {
  const first = text.charCodeAt(from);
  if (first === 34) return stringEnd(text, from);
  if (first !== 123 && first !== 91) {
    let at = from;
    while (at < text.length && !isSpace(text.charCodeAt(at)) && !",]}".includes(text[at] as string)) at++;
    return at;
  }
  let depth = 0;
  for (let at = from; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (code === 34) {
      at = stringEnd(text, at);
      continue;
    }
    if (code === 123 || code === 91) depth++;
    else if (code === 125 || code === 93) {
      depth--;
      if (depth === 0) return at + 1;
    }
    at++;
  }
  return text.length;
}

/**
 * The offset of the value at `path` below the value starting at `from`, or of the deepest part
 * of the path that exists (a missing field is reported where its object starts).
 */
export function offsetBelow(text: string, from: number, path: readonly PropertyKey[]): number {
  let at = from;
  const skipSpace = () => {
    while (isSpace(text.charCodeAt(at))) at++;
  };
  skipSpace();
  for (const step of path) {
    const open = text.charCodeAt(at);
    const found = at;
    at++;
    let reached = false;
    if (open === 123 && typeof step === "string") {
      for (skipSpace(); text.charCodeAt(at) === 34; ) {
        const end = stringEnd(text, at);
        const key = JSON.parse(text.slice(at, end)) as string;
        at = end;
        skipSpace();
        at++; // the colon
        skipSpace();
        if (key === step) {
          reached = true;
          break;
        }
        at = valueEnd(text, at);
        skipSpace();
        if (text.charCodeAt(at) !== 44) break;
        at++;
        skipSpace();
      }
    } else if (open === 91 && typeof step === "number") {
      skipSpace();
      for (let index = 0; text.charCodeAt(at) !== 93 && at < text.length; index++) {
        if (index === step) {
          reached = true;
          break;
        }
        at = valueEnd(text, at);
        skipSpace();
        if (text.charCodeAt(at) !== 44) break;
        at++;
        skipSpace();
      }
    }
    if (!reached) return found;
  }
  return at;
}

/** 1-based line of the value at `path` below `from`. */
export function lineBelow(text: string, from: JsonPlace, path: readonly PropertyKey[]): number {
  const target = path.length === 0 ? from.offset : offsetBelow(text, from.offset, path);
  // Counted over the record's own text only: a search for the next line break could run to the end of the file.
  let line = from.line;
  for (let at = from.offset; at < target; at++) if (text.charCodeAt(at) === 10) line++;
  return line;
}
