/** The path parameters of `/v1/answer-groups/{id}`. */
import * as z from "zod/mini";
import { AnswerGroupId } from "./answer-group";

export const AnswerGroupPath = z.object({ id: AnswerGroupId });
export type AnswerGroupPath = z.output<typeof AnswerGroupPath>;
