/** What a list of other questions shows of each: who asked what, and when it was answered. */
import * as z from "zod/mini";
import { IsoDate } from "./primitives";
import { QuestionRecord } from "./record";

export const RecordSummary = z
  .object({
    ...z.pick(QuestionRecord, {
      id: true,
      house: true,
      askingMember: true,
      questionText: true,
      dateTabled: true,
      answered: true,
    }).shape,
    heading: z
      .nullable(z.string())
      .check(z.meta({ description: "The question's heading, or null where the source gives none." })),
    uin: z.nullable(z.string()).check(z.meta({ description: "The question's UIN, or null where unknown." })),
    dateAnswered: z.nullable(IsoDate),
  })
  .register(z.globalRegistry, { id: "RecordSummary" });
export type RecordSummary = z.infer<typeof RecordSummary>;
