/** A record's summary, as lists of other questions show it (the schema: src/schema/record-summary.ts). */
import type { QuestionRecord } from "../schema/record";
import type { RecordSummary } from "../schema/record-summary";

/** The summary of a record. */
export function summaryOf(record: QuestionRecord): RecordSummary {
  return {
    id: record.id,
    house: record.house,
    askingMember: record.askingMember,
    questionText: record.questionText,
    dateTabled: record.dateTabled,
    answered: record.answered,
    heading: record.heading ?? null,
    uin: record.uin ?? null,
    dateAnswered: record.answer?.dateAnswered ?? null,
  };
}
