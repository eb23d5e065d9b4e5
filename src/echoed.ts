/**
 * Text from the request shown back in problems and pages, cut to a bound. A request can carry tens
 * of kilobytes in one value; an answer that names it needs only its start. Cuts fall between code
 * points, so an emoji is never split into a lone surrogate (which is not valid Unicode text).
 */

/** Code points of one echoed value: a parameter's value or name, a record id, a path. */
export const ECHO_MAX = 40;

/** `value` if it has at most `max` code points, else its first `max - 1` and an ellipsis. */
export function echoed(value: string, max: number = ECHO_MAX): string {
  // At most `max` UTF-16 units is at most `max` code points.
  if (value.length <= max) return value;
  let points = 0;
  // UTF-16 units of the first `max - 1` code points: what is kept if the value is cut.
  let kept = 0;
  for (const point of value) {
    points++;
    if (points > max) return `${value.slice(0, kept)}…`;
    if (points < max) kept += point.length;
  }
  return value;
}
