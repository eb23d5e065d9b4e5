/** Checks that text sent to clients is valid Unicode: shared by the echo and fuzz tests. */

/** A lone surrogate (half of a pair), which is not a character; `u`-mode regexes see pairs as one. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `text` has no lone surrogate. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Whether every string, key or value, in a parsed JSON value is well-formed. */
export function isWellFormedJson(value: unknown): boolean {
  if (typeof value === "string") return isWellFormed(value);
  if (Array.isArray(value)) return value.every(isWellFormedJson);
  if (value && typeof value === "object")
    return Object.entries(value).every(([key, item]) => isWellFormed(key) && isWellFormedJson(item));
  return true;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The bytes decoded as UTF-8, or null if they are not valid UTF-8 (surrogates encoded as ED A0 80 included). */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
