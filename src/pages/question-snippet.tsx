/**
 * A question as the results list shows it: its matches marked, its opening formula ("To ask the
 * Secretary of State for …, ") left out so the line leads with what was asked.
 */
import type { MarkedText } from "../schema/search";
import { type MarkedPiece, markedPieces } from "../text/marked-text";
import { openingLength } from "./question-opening";

/** The marked text's pieces from character `from` on, the first letter capitalised. */
export function piecesFrom(marked: MarkedText, from: number): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let skip = from;
  for (const piece of markedPieces(marked)) {
    const kept = skip >= piece.text.length ? "" : piece.text.slice(skip);
    skip = Math.max(0, skip - piece.text.length);
    if (kept) pieces.push({ text: kept, marked: piece.marked });
  }
  const first = pieces[0];
  if (first && from > 0) first.text = first.text.charAt(0).toUpperCase() + first.text.slice(1);
  return pieces;
}

/** `marked` is the engine's marked copy of the whole question. */
export function QuestionSnippet({ marked }: { marked: MarkedText }) {
  const pieces = piecesFrom(marked, openingLength(marked.text));
  return <>{pieces.map((piece) => (piece.marked ? <mark>{piece.text}</mark> : piece.text))}</>;
}
