/**
 * The formula a written question opens with: "To ask the Secretary of State for Foreign,
 * Commonwealth and Development Affairs, " in the Commons, "To ask His Majesty's Government " in
 * the Lords. It is the same in hundreds of questions, so lists skip it and lead with what is
 * asked. No DOM, no Hono: the pages and the widget both use it.
 */

/** An addressee: commas inside it are followed by a capital ("Foreign, Commonwealth, and Development"). */
const ADDRESSEE = String.raw`(?:[^,;?]|,\s+(?=(?:and\s+)?[A-Z]))+`;
const OPENING = new RegExp(
  String.raw`^To ask (?:(?:His|Her) Majesty['’]s Government,?|the ${ADDRESSEE},(?:\s+representing the ${ADDRESSEE},)?)\s+(?=[a-z(])`,
);
/** Openings are short; a longer "match" would be a question that merely starts the same way. */
const MAX_OPENING = 200;

/** How many characters of `questionText` the opening formula takes; 0 when there is none. */
export function openingLength(questionText: string): number {
  const found = OPENING.exec(questionText.slice(0, MAX_OPENING + 1));
  return found && found[0].length <= MAX_OPENING ? found[0].length : 0;
}

/** The question without its opening, capitalised: "What steps the Government plans to take…". */
export function withoutOpening(questionText: string): string {
  const rest = questionText.slice(openingLength(questionText));
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
