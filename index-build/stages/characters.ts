/**
 * Characters no record may hold: control characters (C0 but tab, line feed and carriage return;
 * DEL; C1) and lone surrogates (half of a UTF-16 pair, which no UTF-8 can encode, so serving one
 * would send invalid UTF-8). Tab and line breaks are how text is laid out; a carriage return is
 * allowed in a JSON string because Windows text carries one before each line feed: the normalise
 * stage makes every line break LF.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as CONTROL; a quick test that passes almost every string
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/;

const C0_NAMES =
  "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US".split(
    " ",
  );

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** How an error message names a character: `the control character U+0007 (BEL)`. */
export function describeCharacter(code: number): string {
  if (code >= 0xd800 && code <= 0xdfff)
    return `a lone surrogate ${hex(code)} (half of a UTF-16 pair whose other half is missing; no UTF-8 can hold it)`;
  if (code < 0x20) return `the control character ${hex(code)} (${C0_NAMES[code]})`;
  if (code === 0x7f) return `the control character ${hex(code)} (DEL)`;
  return `the control character ${hex(code)} (a C1 control)`;
}

/** The first character of `text` no record may hold, described; undefined if there is none. */
export function forbiddenCharacter(text: string): { index: number; found: string } | undefined {
  if (!SUSPECT.test(text)) return undefined; // no control character, and no surrogate, paired or not
  CONTROL.lastIndex = 0;
  const control = CONTROL.exec(text);
  const surrogate = LONE_SURROGATE.exec(text);
  const first = [control, surrogate]
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => a.index - b.index)[0];
  return first && { index: first.index, found: describeCharacter(text.charCodeAt(first.index)) };
}

/** Every line of a file's text with a control character, and the first such character on it. */
export function controlCharacterLines(text: string): Array<{ line: number; found: string }> {
  const lines: Array<{ line: number; found: string }> = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(CONTROL)) {
    for (; counted < match.index; counted++) if (text.charCodeAt(counted) === 10) line++;
    if (lines.at(-1)?.line !== line) lines.push({ line, found: describeCharacter(text.charCodeAt(match.index)) });
  }
  return lines;
}
