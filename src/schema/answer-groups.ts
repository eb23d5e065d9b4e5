/** `GET /v1/answer-groups` and `GET /v1/answer-groups/{id}`: records given the same answer. */
import { z } from "zod";
import { AnswerGroupId } from "./answer-group";
import { wholeNumber } from "./query";
import { RecordSummary } from "./record-summary";

/** Groups one page may list: each lists every question it holds. */
export const ANSWER_GROUPS_PAGE_SIZE = 20;

export const AnswerGroupsParams = z
  .object({
    limit: wholeNumber(1, ANSWER_GROUPS_PAGE_SIZE, 10),
    offset: wholeNumber(0, 100_000, 0),
  })
  .strict()
  .meta({ id: "AnswerGroupsParams" });
export type AnswerGroupsParams = z.output<typeof AnswerGroupsParams>;

export const AnswerGroup = z
  .object({
    id: AnswerGroupId,
    size: z.number().int().min(2).meta({ description: "Records given this answer." }),
    holding: z.boolean().meta({
      description:
        "The shared answer is a holding answer (it promises a full one); those are never grouped with substantive answers.",
    }),
    answer: z.string().meta({ description: "The answer as its first record (in source order) gives it." }),
    questions: z.array(RecordSummary).meta({ description: "Every record in the group, in source order." }),
  })
  .meta({ id: "AnswerGroup" });
export type AnswerGroup = z.infer<typeof AnswerGroup>;

export const AnswerGroupsResponse = z
  .object({
    total: z.number().int().nonnegative().meta({ description: "Groups in all." }),
    limit: z.number().int(),
    offset: z.number().int(),
    groups: z
      .array(AnswerGroup)
      .meta({ description: "Largest first; equal sizes in source order of their first record." }),
  })
  .meta({ id: "AnswerGroupsResponse" });
export type AnswerGroupsResponse = z.infer<typeof AnswerGroupsResponse>;
