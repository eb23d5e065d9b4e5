/**
 * Renders the engine's highlight strings without trusting them as HTML. The engine escapes
 * record text and adds only `<mark>` and `</mark>`; here the string is split on exactly those
 * tags, each piece is unescaped back to plain text, and JSX escapes it again. Whatever the
 * string holds, the only elements that can come out are `<mark>`s.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

function decodeEntities(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] as string);
}

/** Plain-text pieces, alternating outside and inside a mark (odd indexes are marked). */
export function highlightPieces(html: string): string[] {
  const pieces: string[] = [];
  let rest = html;
  let inside = false;
  while (rest.length > 0) {
    const tag = inside ? "</mark>" : "<mark>";
    const at = rest.indexOf(tag);
    if (at < 0) {
      pieces.push(decodeEntities(rest));
      break;
    }
    pieces.push(decodeEntities(rest.slice(0, at)));
    rest = rest.slice(at + tag.length);
    inside = !inside;
  }
  return pieces;
}

export function Highlighted({ html }: { html: string }) {
  return <>{highlightPieces(html).map((piece, i) => (i % 2 === 1 ? <mark>{piece}</mark> : piece))}</>;
}
