/**
 * A small HTML tokenizer for checking highlight strings: it finds every start tag, end tag,
 * attribute, comment and character reference the way an HTML parser would start reading them,
 * so a test can assert that nothing but `<mark>` and `</mark>` is markup.
 */
export interface Markup {
  /** Lower-case names of start and end tags, e.g. `mark`, `/mark`, `img`. */
  tags: string[];
  /** Lower-case attribute names on any tag. */
  attributes: string[];
  /** Comments, doctypes, CDATA and processing instructions (`<!…>`, `<?…>`). */
  declarations: number;
}

const SPACE = /[\t\n\f\r ]/;

export function scanMarkup(html: string): Markup {
  const markup: Markup = { tags: [], attributes: [], declarations: 0 };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const next = html[lt + 1] ?? "";
    if (next === "!" || next === "?") {
      markup.declarations++;
      const end = html.indexOf(">", lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const closing = next === "/";
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!/[A-Za-z]/.test(html[nameStart] ?? "")) {
      i = lt + 1; // a lone `<` is text
      continue;
    }
    let j = nameStart;
    while (j < html.length && !SPACE.test(html[j] as string) && html[j] !== "/" && html[j] !== ">") j++;
    markup.tags.push(`${closing ? "/" : ""}${html.slice(nameStart, j).toLowerCase()}`);
    // Attributes: names up to `=`, whitespace, `/` or `>`; values quoted or bare.
    while (j < html.length && html[j] !== ">") {
      if (SPACE.test(html[j] as string) || html[j] === "/") {
        j++;
        continue;
      }
      const attrStart = j;
      while (j < html.length && !SPACE.test(html[j] as string) && !"/>=".includes(html[j] as string)) j++;
      if (j === attrStart) j++; // a stray `=` opens an attribute name in HTML; keep moving
      markup.attributes.push(html.slice(attrStart, j).toLowerCase());
      if (html[j] === "=") {
        j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, j + 1);
          j = close < 0 ? html.length : close + 1;
        } else {
          while (j < html.length && !SPACE.test(html[j] as string) && html[j] !== ">") j++;
        }
      }
    }
    i = j + 1;
  }
  return markup;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The text a browser would show for a highlight: marks removed, the five escapes decoded. */
export function highlightText(html: string): string {
  return html
    .replace(/<\/?mark>/g, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] as string);
}

/** Problems with a highlight string: any markup other than bare `<mark>`/`</mark>`, any stray `&`. */
export function highlightProblems(html: string): string[] {
  const problems: string[] = [];
  const { tags, attributes, declarations } = scanMarkup(html);
  const foreign = tags.filter((tag) => tag !== "mark" && tag !== "/mark");
  if (foreign.length) problems.push(`elements other than mark: ${foreign.join(", ")}`);
  if (attributes.length) problems.push(`attributes: ${attributes.join(", ")}`);
  if (declarations) problems.push(`${declarations} comment(s) or declaration(s)`);
  if (/[<>"']/.test(html.replace(/<\/?mark>/g, ""))) problems.push("an unescaped < > \" or ' outside a mark tag");
  if (/&(?!(amp|lt|gt|quot|#39);)/.test(html)) problems.push("an & that does not start one of the five escapes");
  return problems;
}
