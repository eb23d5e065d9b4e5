/**
 * Renders a highlight from its ranges: the engine's marked text becomes text and `<mark>`
 * elements, and JSX escapes every piece. No HTML is read back, so whatever a record holds, the
 * only elements that can come out are `<mark>`s.
 */
import type { MarkedText } from "../schema/search";
import { markedPieces } from "../text/marked-text";

export function Highlighted({ marked }: { marked: MarkedText }) {
  return <>{markedPieces(marked).map((piece) => (piece.marked ? <mark>{piece.text}</mark> : piece.text))}</>;
}
