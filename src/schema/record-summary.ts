/** What a list of other questions shows of each: who asked what, and when it was answered. */
import { z } from "zod";
import { IsoDate } from "./primitives";
import { QuestionRecord } from "./record";

export const RecordSummary = QuestionRecord.pick({
  id: true,
  house: true,
  askingMember: true,
  questionText: true,
  dateTabled: true,
  answered: true,
})
  .extend({
    heading: z
      .string()
      .nullable()
      .meta({ description: "The question's heading, or null where the source gives none." }),
    uin: z.string().nullable().meta({ description: "The question's UIN, or null where unknown." }),
    dateAnswered: IsoDate.nullable(),
  })
  .meta({ id: "RecordSummary" });
export type RecordSummary = z.infer<typeof RecordSummary>;

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
