/** What a record is called in titles and links: its heading, else what it asks, cut short. */
import { truncate } from "./format";
import { withoutOpening } from "./question-opening";

/** The record's heading where it has one, else what it asks (without "To ask the …, "), cut short. */
export function recordTitle(record: { heading?: string | null; questionText: string }): string {
  return record.heading ?? truncate(withoutOpening(record.questionText), 120);
}
