/**
 * Reads the API's highlight strings without an HTML parser. The API escapes the source text and
 * adds only literal `<mark>` and `</mark>`, so splitting on those two tags and decoding the five
 * entities the API writes is enough, and whatever else arrives (even raw `<img onerror>`) stays
 * text: the widget turns each piece into a text node, inside a `<mark>` or not, never markup.
 */

export interface HighlightPiece {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** One pass, so `&amp;lt;` decodes to the literal text `&lt;`, as the source said. */
export function decodeEntities(escaped: string): string {
  return escaped.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] as string);
}

export function parseHighlight(highlight: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  let marked = false;
  for (const part of highlight.split(/(<\/?mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) pieces.push({ text: decodeEntities(part), marked });
  }
  return pieces;
}
