/** OpenAPI response declarations shared by the operations (operations.ts). */
import type * as z from "zod/mini";
import { type InvalidParam, PROBLEM_TYPES, Problem, type ProblemName, problemType } from "../schema/problem";

/** What an example problem says about its request; the table gives the rest. */
interface ProblemExample {
  detail: string;
  instance: string;
  invalidParams?: InvalidParam[];
}

export function json(schema: z.ZodMiniType, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** A problem answer of one type from the table, with an example that is what the Worker sends. */
export function problem(name: ProblemName, description: string, example: ProblemExample) {
  const { status, title } = PROBLEM_TYPES[name];
  return {
    description,
    content: {
      "application/problem+json": { schema: Problem, example: { type: problemType(name), title, status, ...example } },
    },
  };
}

const retryAfter = {
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" as const } },
};

export const notModified = { description: "Not modified: the If-None-Match ETag is current." };

/** The 400 of a route taking query parameters; the example asks for 500 results a page. */
export function invalidQuery(instance: string, maxLimit: number) {
  const reason = `expected a whole number from 1 to ${maxLimit}, found "500"`;
  return problem("invalid-parameters", "A parameter is invalid; `invalidParams` names each.", {
    detail: `limit: ${reason}`,
    instance,
    invalidParams: [{ name: "limit", reason }],
  });
}

/** Any route may answer 429 once a client passes the rate limit (middleware/rate-limit.ts). */
export const rateLimited = (instance: string) => ({
  ...problem("rate-limited", "Too many requests from this client; `Retry-After` says how many seconds to wait.", {
    detail: "This client has sent too many requests; wait 60 seconds before trying again.",
    instance,
  }),
  headers: retryAfter,
});

/** A sharded collection's file could not be loaded; a retry may succeed (see index.ts). */
export const indexUnavailable = (instance: string) => ({
  ...problem("index-unavailable", "Part of the index could not be loaded; try again after `Retry-After` seconds.", {
    detail: "Part of the search index could not be loaded; please try again in a moment.",
    instance,
  }),
  headers: retryAfter,
});
