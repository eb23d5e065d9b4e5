/** What the parse stages hand to validation: an unchecked record and where each part came from. */
import type { BuildError, Location } from "../errors";

export interface LocatedInput {
  /** The record as parsed, not yet checked against the schema. */
  value: unknown;
  /** Where the record starts. */
  location: Location;
  /**
   * Line of a field by its path in the record (`["answer", "dateAnswered"]`), where the format
   * knows it. Asked only when a field fails validation, so it may search.
   */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export interface CollectionDescription {
  title: string;
  description: string;
  location: Location;
}

export interface ParsedSeed {
  records: LocatedInput[];
  /** Text before the first record, in formats that have one. */
  description?: CollectionDescription;
  /** Records that could not be read, each naming its place; the rest of the file still counts. */
  problems?: BuildError[];
  /** What was read but not used, for the build report (an API field pqsearch does not know). */
  warnings?: string[];
  /** Which accepted shape the file is in, where a format has several (the API's JSON shapes). */
  shape?: string;
}
