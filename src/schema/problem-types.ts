/**
 * The table of problem types the Worker answers with (RFC 9457). A type is a URN,
 * `urn:pqsearch:problem:<name>`: the same on every deployment, so a client can compare it without
 * knowing where the service runs. Apart from the `Problem` schema (problem.ts), which only the
 * OpenAPI document and the tests need, so the Worker does not construct it.
 */

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
