/**
 * A question as the results list shows it: its matches marked, its opening formula ("To ask the
 * Secretary of State for …, ") left out so the line leads with what was asked.
 */
import { highlightPieces } from "./highlighted";
import { openingLength } from "./question-opening";

interface Piece {
  text: string;
  marked: boolean;
}

/** The highlight's plain-text pieces from character `from` on, the first letter capitalised. */
export function piecesFrom(highlight: string, from: number): Piece[] {
  const pieces: Piece[] = [];
  let skip = from;
  highlightPieces(highlight).forEach((text, i) => {
    const kept = skip >= text.length ? "" : text.slice(skip);
    skip = Math.max(0, skip - text.length);
    if (kept) pieces.push({ text: kept, marked: i % 2 === 1 });
  });
  const first = pieces[0];
  if (first && from > 0) first.text = first.text.charAt(0).toUpperCase() + first.text.slice(1);
  return pieces;
}

/** `highlight` is the engine's marked copy of `questionText` (the whole question). */
export function QuestionSnippet({ highlight, questionText }: { highlight: string; questionText: string }) {
  const pieces = piecesFrom(highlight, openingLength(questionText));
  return <>{pieces.map((piece) => (piece.marked ? <mark>{piece.text}</mark> : piece.text))}</>;
}
