/**
 * Every match of a search, in its order, read a slice at a time: what exports and feeds walk.
 * The order is settled once (one sort of the matches); each slice then costs only its own records,
 * so a caller streaming thousands of records does bounded work per slice.
 */
import type { QuestionRecord } from "../schema/record";
import type { RecordStore } from "./store/record-store";
import type { Selection } from "./types";

export class OrderedSelection implements Selection {
  readonly total: number;

  /** @param order document numbers in the order to read them; owned by this selection from now on. */
  constructor(
    private readonly order: readonly number[],
    private readonly store: RecordStore,
  ) {
    this.total = order.length;
  }

  records(start: number, count: number): Promise<QuestionRecord[]> {
    const from = Math.max(0, Math.floor(start));
    const docs = this.order.slice(from, from + Math.max(0, Math.floor(count)));
    if (docs.length === 0) return Promise.resolve([]);
    return Promise.resolve(this.store.records(docs));
  }
}
