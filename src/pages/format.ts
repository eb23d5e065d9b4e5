/** Dates and text as the pages print them. */
export { longDate } from "../schema/long-date";

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never end on the first half of a surrogate pair (an emoji, say): a lone half is not text, and
  // workerd sends it as bytes that are not UTF-8.
  const cut = text.slice(0, /[\uD800-\uDBFF]/.test(text[max - 2] ?? "") ? max - 2 : max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** Paragraphs separated by blank lines, as record texts and the collection description store them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
