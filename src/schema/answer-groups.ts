/** `GET /v1/answer-groups` and `GET /v1/answer-groups/{id}`: records given the same answer. */
import * as z from "zod/mini";
import { AnswerGroupId } from "./answer-group";
import { ANSWER_GROUPS_PAGE_SIZE } from "./limits";
import { RecordSummary } from "./record-summary";

export { AnswerGroupsParams } from "./answer-groups-params";
export { ANSWER_GROUPS_PAGE_SIZE };

const described = (description: string) => z.meta({ description });

export const AnswerGroup = z
  .object({
    id: AnswerGroupId,
    size: z.number().check(z.int(), z.gte(2), described("Records given this answer.")),
    holding: z
      .boolean()
      .check(
        described(
          "The shared answer is a holding answer (it promises a full one); those are never grouped with substantive answers.",
        ),
      ),
    answer: z.string().check(described("The answer as its first record (in source order) gives it.")),
    questions: z.array(RecordSummary).check(described("Every record in the group, in source order.")),
  })
  .register(z.globalRegistry, { id: "AnswerGroup" });
export type AnswerGroup = z.infer<typeof AnswerGroup>;

export const AnswerGroupsResponse = z
  .object({
    total: z.number().check(z.int(), z.nonnegative(), described("Groups in all.")),
    limit: z.number().check(z.int()),
    offset: z.number().check(z.int()),
    groups: z.array(AnswerGroup).check(described("Largest first; equal sizes in source order of their first record.")),
  })
  .register(z.globalRegistry, { id: "AnswerGroupsResponse" });
export type AnswerGroupsResponse = z.infer<typeof AnswerGroupsResponse>;
