/** The error a listing throws when asked to continue after a record the collection does not hold. */

/** `list({ cursor })` named a record id that is not (or no longer) in this collection. */
export class UnknownRecordError extends Error {
  constructor(readonly id: string) {
    super(`pqsearch: no record has id ${JSON.stringify(id)}`);
    this.name = "UnknownRecordError";
  }
}
