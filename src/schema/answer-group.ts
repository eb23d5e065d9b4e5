/** A record's answer group: which answer it shares with other records, and with how many. */
import * as z from "zod/mini";

/** Group ids are hashes of the members' record ids: URL-safe, the same in every build with the same members. */
export const AnswerGroupId = z
  .string()
  .check(z.regex(/^[0-9a-f]{12}$/, "expected 12 characters from 0-9 a-f"))
  .register(z.globalRegistry, { id: "AnswerGroupId", description: "An answer group's id.", example: "3f9c2a71be04" });

export const AnswerGroupRef = z
  .object({
    id: AnswerGroupId,
    size: z.number().check(z.int(), z.gte(2), z.meta({ description: "Records in the group, this one included." })),
  })
  .register(z.globalRegistry, {
    id: "AnswerGroupRef",
    description:
      "The group of records given the same answer, word for word or nearly (see GET /v1/answer-groups). Absent where no other record has this answer.",
  });
export type AnswerGroupRef = z.infer<typeof AnswerGroupRef>;
