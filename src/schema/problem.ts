/**
 * RFC 9457 problem details: the one error shape of the API. The table of problem types is in
 * problem-types.ts (the Worker needs only that); this module adds the schema that documents it.
 */
import * as z from "zod/mini";
import { PROBLEM_TYPE_PREFIX, PROBLEM_TYPES, problemType } from "./problem-types";

export { PROBLEM_TYPE_PREFIX, PROBLEM_TYPES, type ProblemName, problemType } from "./problem-types";

const typeList = Object.entries(PROBLEM_TYPES)
  .map(([name, { status, meaning }]) => `\`${PROBLEM_TYPE_PREFIX}${name}\` (${status}): ${meaning}`)
  .join("; ");

export const InvalidParam = z
  .object({
    name: z.string().check(z.meta({ description: "The query parameter or path segment at fault.", example: "limit" })),
    reason: z.string().check(z.meta({ example: 'expected a whole number from 1 to 50, found "500"' })),
  })
  .register(z.globalRegistry, { id: "InvalidParam" });
export type InvalidParam = z.infer<typeof InvalidParam>;

export const Problem = z
  .object({
    type: z.string().check(
      z.meta({
        description: `What kind of problem this is. One of: ${typeList}.`,
        example: problemType("invalid-parameters"),
      }),
    ),
    title: z
      .string()
      .check(z.meta({ description: "The type's fixed summary.", example: "Invalid request parameters" })),
    status: z.number().check(z.int(), z.gte(400), z.lte(599), z.meta({ example: 400 })),
    detail: z.string().check(
      z.meta({
        description: "What was wrong with this request and what to do about it; values from the request are cut short.",
        example: 'limit: expected a whole number from 1 to 50, found "500"',
      }),
    ),
    instance: z
      .optional(z.string())
      .check(z.meta({ description: "The request's path, where it is short enough to repeat.", example: "/v1/search" })),
    invalidParams: z.optional(z.array(InvalidParam)),
  })
  .register(z.globalRegistry, { id: "Problem", description: "RFC 9457 problem details." });
export type Problem = z.infer<typeof Problem>;
