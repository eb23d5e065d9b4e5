/**
 * The API's `answerText` is HTML. This turns it into plain paragraphs so no markup reaches the
 * index, the API or the pages: tags stripped, entities decoded, blank (NBSP-only) spacer
 * paragraphs dropped, list items bulleted or numbered, and a link's address kept beside its words
 * when the words do not already show it. Plain text (the list endpoint's cut answers) passes
 * through with only its entities decoded. A small scanner, not a DOM: the input is a known,
 * simple dialect and the output is only ever text.
 */

const NAMED_ENTITIES = new Map<string, string>([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", "\u00a0"],
  ["ndash", "–"],
  ["mdash", "—"],
  ["lsquo", "‘"],
  ["rsquo", "’"],
  ["ldquo", "“"],
  ["rdquo", "”"],
  ["hellip", "…"],
  ["pound", "£"],
  ["euro", "€"],
  ["copy", "©"],
  ["reg", "®"],
  ["trade", "™"],
  ["deg", "°"],
  ["middot", "·"],
  ["bull", "•"],
  ["frac12", "½"],
  ["frac14", "¼"],
  ["frac34", "¾"],
  ["times", "×"],
  ["shy", ""],
]);

/** Decodes `&amp;`, `&#163;`, `&#xA3;`; an unknown name is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(body) ?? NAMED_ENTITIES.get(body.toLowerCase()) ?? whole;
  });
}

// Tags that end a paragraph. `br` too: answers use it between lines that stand alone.
const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "ul",
  "ol",
  "li",
  "table",
  "tr",
  "blockquote",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
]);
const DROPPED_WITH_CONTENT = /<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
// A tag must start with a letter (or `/` and a letter), so `a < b` and `<5%` stay text.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<![a-zA-Z][^>]*>/g;
// What a source cut mid-tag leaves at its end: `… see <a href="https://`.
const DANGLING_TAG = /<\/?[a-zA-Z][^>]*$/;
const BREAK = "\u0000";

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attributes);
  if (!match) return null;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? "");
}

/** Collapses white space (NBSP and narrow NBSP included) and drops paragraphs left empty. */
function paragraphsOf(text: string): string[] {
  return text
    .split(BREAK)
    .map((paragraph) => paragraph.replace(/[\s\u00a0\u202f]+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
}

/** HTML (or plain text) → paragraphs of plain text. */
export function htmlToParagraphs(html: string): string[] {
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let link: { href: string; textStart: number } | null = null;
  let out = "";
  let last = 0;
  const source = html.replace(DROPPED_WITH_CONTENT, " ").replace(DANGLING_TAG, "");
  for (const match of source.matchAll(TAG)) {
    out += decodeEntities(source.slice(last, match.index));
    last = match.index + match[0].length;
    const [, slash, rawName, attributes = ""] = match;
    if (!rawName) continue; // a comment or doctype
    const name = rawName.toLowerCase();
    const closing = slash === "/";
    if (name === "a") {
      if (!closing) {
        const href = attribute(attributes, "href");
        link = href && /^(https?:|mailto:)/i.test(href) ? { href, textStart: out.length } : null;
      } else if (link) {
        const words = out.slice(link.textStart);
        const shown = link.href.replace(/^mailto:/i, "");
        if (!words.includes(shown)) out += words.trim() ? ` (${shown})` : shown;
        link = null;
      }
      continue;
    }
    if (name === "ul" || name === "ol") {
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", next: 1 });
    }
    if (name === "li" && !closing) {
      const list = lists.at(-1);
      out += `${BREAK}${list?.ordered ? `${list.next++}.` : "•"} `;
      continue;
    }
    if (name === "td" || name === "th") out += " ";
    else if (BLOCK_TAGS.has(name)) out += BREAK;
  }
  out += decodeEntities(source.slice(last));
  return paragraphsOf(out);
}

/** Paragraphs joined the way the canonical record stores them: one blank line between. */
export function htmlToText(html: string): string {
  return htmlToParagraphs(html).join("\n\n");
}
