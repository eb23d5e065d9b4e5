/**
 * Words a query does not require. They stay in the index (so a quoted phrase such as
 * "crime against humanity" still matches word for word) but an unquoted query neither demands
 * them nor scores them. Honorifics are optional too, so `Dr Offord` finds Matthew Offord and
 * `Mr Jones` finds `Mr. David Jones` even where the record prints the name without a title;
 * unlike stop words they still add to the score where they match.
 */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about after against all also an and any are as at be been before being between both but by can could did do " +
    "does for from had has have he her his how i if in into is it its me more most my no not of on or other our " +
    "she should so some such than that the their them then there these they this those to under up upon was we " +
    "were what when where whether which while who whom why will with would you your"
  ).split(" "),
);

export const HONORIFICS: ReadonlySet<string> = new Set(
  "mr mrs ms miss dr sir dame lord lady baroness baron viscount earl duke countess rt hon prof professor rev".split(
    " ",
  ),
);
