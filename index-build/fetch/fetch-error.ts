/**
 * The fetch's one error type. Its message is what the person running `npm run fetch` reads, so it
 * names the thing to look at (the config key, the request, the file) and says what was expected;
 * the CLI prints it without a stack trace.
 */

export type FetchErrorKind =
  /** `pqsearch.config.json` is missing its collection, or holds something invalid. */
  | "config"
  /** The API could not be reached, or kept failing after every retry. */
  | "unreachable"
  /** The API answered something pqsearch does not know (a shape, a status). */
  | "unexpected"
  /** The run used up its request budget; its progress is saved for the next run. */
  | "budget"
  /** A seed or state file is not what the fetch wrote. */
  | "files";

export class FetchError extends Error {
  readonly kind: FetchErrorKind;

  constructor(kind: FetchErrorKind, message: string) {
    super(message);
    this.name = "FetchError";
    this.kind = kind;
  }
}
