/**
 * One result as an option of the widget's listbox: what it asks (the record's heading, else the
 * question without its "To ask the …, " opening, cut to about a line around the first match)
 * with the matched words marked, then the date answered and who asked. Its accessible name is that visible text, so a
 * screen reader says some twenty words a keypress, not the whole question (and what is read
 * is what is seen, as WCAG 2.5.3 asks). Everything from the API becomes text nodes.
 */
import { openingLength } from "../../pages/question-opening";
import type { Hit, MarkedText } from "../../schema/search";
import { markedPieces } from "../../text/marked-text";
import type { Labels } from "./labels";

/**
 * A hit as the service sends it. A service deployed before hits carried `heading` and `marked`
 * (or a cached answer from one) sends neither: the question is then shown unmarked.
 */
export type ListedHit = Omit<Hit, "heading" | "marked" | "matchedAll"> &
  Partial<Pick<Hit, "heading" | "marked" | "matchedAll">>;

/** Characters of the question an option shows: about two lines. */
const SHOWN_LENGTH = 110;

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** `en` alone means British English here (a UK service); other tags are taken as the page gives them. */
export function dateLocale(lang: string): string {
  const primary = lang.toLowerCase().split("-")[0];
  return primary === "en" && !lang.includes("-") ? "en-GB" : primary === "cy" ? "cy-GB" : lang;
}

/** Where to cut `text` to at most `max` characters: at a word boundary, before any trailing punctuation. */
function cutAt(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const space = text.lastIndexOf(" ", max - 1);
  let at = space > max / 2 ? space : max - 1;
  while (at > 0 && /[\s,;:]/.test(text.charAt(at - 1))) at--;
  return at;
}

/**
 * About `SHOWN_LENGTH` characters of the question as text nodes and marks: from just after its
 * opening formula (capitalised), or, when the first match lies beyond that, from a few words
 * before the match; with an ellipsis wherever text was left out.
 */
function asked(marked: MarkedText): Array<Node | string> {
  const pieces = markedPieces(marked);
  const plain = pieces.map((piece) => piece.text).join("");
  const opening = openingLength(plain);
  let from = opening;
  const firstMark = pieces.findIndex((piece) => piece.marked);
  const markAt = pieces.slice(0, Math.max(0, firstMark)).reduce((sum, piece) => sum + piece.text.length, 0);
  const markEnd = markAt + (pieces[firstMark]?.text.length ?? 0);
  // The question's start says most about it; only a first match out of sight moves the window,
  // and then only as far as needed to show the match with some words before it.
  if (firstMark >= 0 && markEnd > from + SHOWN_LENGTH) from = plain.indexOf(" ", markAt - 60) + 1 || markAt;
  const to = from + cutAt(plain.slice(from), SHOWN_LENGTH);
  const nodes: Array<Node | string> = from > opening ? ["…"] : [];
  let at = 0;
  for (const { text, marked } of pieces) {
    let kept = text.slice(Math.max(0, from - at), Math.max(0, to - at));
    at += text.length;
    if (!kept) continue;
    if (nodes.length === 0 && from > 0) kept = kept.charAt(0).toUpperCase() + kept.slice(1);
    nodes.push(marked ? element("mark", { part: "mark" }, kept) : kept);
  }
  if (to < plain.length) nodes.push("…");
  return nodes;
}

/** An option of the listbox that is a link: `pq-option-<index>`, not selected, reached by the arrow keys only. */
export function optionLink(
  index: number,
  href: string,
  target: string | null,
  kind: "" | "all",
  ...content: Array<Node | string>
): HTMLAnchorElement {
  const attributes: Record<string, string> = {
    part: kind ? `option ${kind}` : "option",
    id: `pq-option-${index}`,
    role: "option",
    "aria-selected": "false",
    tabindex: "-1",
  };
  if (kind) attributes.class = kind;
  const option = element("a", attributes, ...content);
  option.href = href;
  if (target) option.target = target;
  if (target === "_blank") option.rel = "noopener";
  return option;
}

export interface HitView {
  labels: Labels;
  dates: Intl.DateTimeFormat;
  href: string;
  target: string | null;
}

export function renderHit(hit: ListedHit, index: number, view: HitView): HTMLAnchorElement {
  const member = hit.askingMember;
  const when = hit.dateAnswered
    ? element(
        "time",
        { part: "date", datetime: hit.dateAnswered },
        view.dates.format(new Date(`${hit.dateAnswered}T00:00:00Z`)),
      )
    : element("span", { part: "answered" }, hit.answered ? view.labels.answered : view.labels.unanswered);
  const asks = hit.heading ? [hit.heading] : asked(hit.marked?.questionText ?? { text: hit.questionText, marks: [] });
  const details = element(
    "span",
    { part: "details", class: "m" },
    when,
    " · ",
    element("span", { part: "member" }, member.party ? `${member.name} (${member.party})` : member.name),
  );
  const lead = element("span", { part: hit.heading ? "heading snippet" : "snippet", class: "q" }, ...asks);
  return optionLink(index, view.href, view.target, "", lead, details);
}
