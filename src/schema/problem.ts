/** RFC 9457 problem details: the one error shape every route answers with. */
import { z } from "zod";

export const InvalidParam = z
  .object({
    name: z.string().meta({ description: "The query parameter or path segment at fault.", example: "limit" }),
    reason: z.string().meta({ example: "expected a whole number from 1 to 50, found 500" }),
  })
  .meta({ id: "InvalidParam" });
export type InvalidParam = z.infer<typeof InvalidParam>;

export const Problem = z
  .object({
    type: z.string().meta({ example: "https://pqsearch.dev/problems/invalid-parameters" }),
    title: z.string().meta({ example: "Invalid query parameters" }),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    invalidParams: z.array(InvalidParam).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });
export type Problem = z.infer<typeof Problem>;
