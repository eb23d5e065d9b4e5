/**
 * Picks out of `wrangler dev`'s output the lines that say something went wrong: 5xx answers, the
 * Worker's own "pqsearch: … failed" errors, the dev proxy's errors, a server that exited.
 */

/** wrangler's request line ("[wrangler:info] GET /x 500 Internal Server Error (3ms)") with a 5xx. */
const SERVER_ERROR = /\b(?:GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) \S+ 5\d\d\b/;
const TROUBLE = /\[ERROR\]|✘|ProxyWorker|ProxyController|pqsearch: .* failed|exited on its own|Uncaught|Segmentation/;
/** What follows an error line and belongs to it: stack frames and printed error objects. */
const CONTINUATION = /^\s+(?:at |[{}]|cause|message|name|stack|code)/;

/** Terminal colour codes, in case the server colours its output after all. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** The lines of `output` that report trouble, each with the stack lines that follow it. */
export function serverTrouble(output: string): string[] {
  const lines = output.replace(ANSI, "").split("\n");
  const picked: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!SERVER_ERROR.test(line) && !TROUBLE.test(line)) continue;
    picked.push(line);
    while (CONTINUATION.test(lines[i + 1] ?? "")) picked.push(lines[++i] ?? "");
  }
  return picked;
}
