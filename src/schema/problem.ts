/**
 * RFC 9457 problem details: the one error shape of the API, and the table of problem types the
 * Worker answers with. A type is a URN, `urn:pqsearch:problem:<name>`: the same on every
 * deployment, so a client can compare it without knowing where the service runs.
 */
import { z } from "zod";

/** Every kind of problem the Worker answers with: its status, fixed title and what it means. */
export const PROBLEM_TYPES = {
  "invalid-parameters": {
    status: 400,
    title: "Invalid request parameters",
    meaning: "a query parameter or path segment is invalid; `invalidParams` names each, what was expected and found",
  },
  "not-found": { status: 404, title: "Not Found", meaning: "nothing is at this path, or no record has this id" },
  "method-not-allowed": {
    status: 405,
    title: "Method Not Allowed",
    meaning: "the path takes other methods, which `Allow` lists",
  },
  "rate-limited": {
    status: 429,
    title: "Too Many Requests",
    meaning: "this client sent too many requests; `Retry-After` says how many seconds to wait",
  },
  "internal-error": {
    status: 500,
    title: "Internal Server Error",
    meaning: "the server failed to answer; the body never says how",
  },
  "index-unavailable": {
    status: 503,
    title: "Service Unavailable",
    meaning: "part of the search index could not be loaded; `Retry-After` says when to try again",
  },
} as const;
export type ProblemName = keyof typeof PROBLEM_TYPES;

export const PROBLEM_TYPE_PREFIX = "urn:pqsearch:problem:";

/** The `type` URI of a problem: `urn:pqsearch:problem:<name>`. */
export function problemType(name: ProblemName): string {
  return `${PROBLEM_TYPE_PREFIX}${name}`;
}

const typeList = Object.entries(PROBLEM_TYPES)
  .map(([name, { status, meaning }]) => `\`${PROBLEM_TYPE_PREFIX}${name}\` (${status}): ${meaning}`)
  .join("; ");

export const InvalidParam = z
  .object({
    name: z.string().meta({ description: "The query parameter or path segment at fault.", example: "limit" }),
    reason: z.string().meta({ example: 'expected a whole number from 1 to 50, found "500"' }),
  })
  .meta({ id: "InvalidParam" });
export type InvalidParam = z.infer<typeof InvalidParam>;

export const Problem = z
  .object({
    type: z.string().meta({
      description: `What kind of problem this is. One of: ${typeList}.`,
      example: problemType("invalid-parameters"),
    }),
    title: z.string().meta({ description: "The type's fixed summary.", example: "Invalid request parameters" }),
    status: z.number().int().min(400).max(599).meta({ example: 400 }),
    detail: z.string().meta({
      description: "What was wrong with this request and what to do about it; values from the request are cut short.",
      example: 'limit: expected a whole number from 1 to 50, found "500"',
    }),
    instance: z
      .string()
      .optional()
      .meta({ description: "The request's path, where it is short enough to repeat.", example: "/v1/search" }),
    invalidParams: z.array(InvalidParam).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });
export type Problem = z.infer<typeof Problem>;
