/**
 * Builds RFC 9457 `application/problem+json` responses, the one error shape of the API.
 * Bodies say what was wrong with the request, never how the server failed inside.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { InvalidParam, Problem } from "./schema/problem";

export const INVALID_PARAMETERS = "urn:pqsearch:problem:invalid-parameters";

export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
    ...headers,
  });
}

export function invalidParameters(c: Context, invalidParams: InvalidParam[]): Response {
  const names = [...new Set(invalidParams.map((param) => param.name))].join(", ");
  return problemResponse(c, {
    type: INVALID_PARAMETERS,
    title: "Invalid request parameters",
    status: 400,
    detail: `Check ${names}: ${invalidParams.map((param) => `${param.name}: ${param.reason}`).join("; ")}`,
    instance: new URL(c.req.url).pathname,
    invalidParams,
  });
}

export function notFound(c: Context, detail: string): Response {
  return problemResponse(c, {
    type: "about:blank",
    title: "Not Found",
    status: 404,
    detail,
    instance: new URL(c.req.url).pathname,
  });
}
