/**
 * `GET /v1/answer-groups`'s parameters. Apart from the answers' schemas (answer-groups.ts), which
 * only the OpenAPI document needs: the Worker words a refused request with this one.
 */
import * as z from "zod/mini";
import { ANSWER_GROUPS_PAGE_SIZE } from "./limits";
import { wholeNumber } from "./query";

export const AnswerGroupsParams = z
  .strictObject({
    limit: wholeNumber(1, ANSWER_GROUPS_PAGE_SIZE, 10),
    offset: wholeNumber(0, 100_000, 0),
  })
  .register(z.globalRegistry, { id: "AnswerGroupsParams" });
export type AnswerGroupsParams = z.output<typeof AnswerGroupsParams>;
