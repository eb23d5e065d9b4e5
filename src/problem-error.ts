/**
 * The Worker's one error family. Whatever cannot be answered throws a `ProblemError` naming a
 * type from `PROBLEM_TYPES` (schema/problem-types.ts); the app's `onError` turns it into an RFC 9457
 * `application/problem+json` answer with `problemResponse`. Like hono's `HTTPException`, but the
 * status and title come from the table, so one kind of problem always reads the same.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { echoed } from "./echoed";
import type { InvalidParam, Problem } from "./schema/problem";
import { PROBLEM_TYPES, type ProblemName, problemType } from "./schema/problem-types";

export interface ProblemOptions {
  invalidParams?: InvalidParam[];
  /** Headers the answer needs: `Allow` on a 405, `Retry-After` on a 429 or 503. */
  headers?: Record<string, string>;
  cause?: unknown;
}

export class ProblemError extends Error {
  readonly problem: ProblemName;
  /** Said to the client: what was wrong with the request and what to do, never how the server failed. */
  readonly detail: string;
  readonly invalidParams: InvalidParam[] | undefined;
  readonly headers: Record<string, string>;

  constructor(problem: ProblemName, detail: string, options: ProblemOptions = {}) {
    super(detail, { cause: options.cause });
    this.name = "ProblemError";
    this.problem = problem;
    this.detail = detail;
    this.invalidParams = options.invalidParams;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return PROBLEM_TYPES[this.problem].status;
  }
}

/** A path longer than this is not repeated as `instance`: a cut path would name another resource. */
const INSTANCE_MAX = 200;

/** The problem+json answer for `error`; never cached, since it says nothing about the resource. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const { status, title } = PROBLEM_TYPES[error.problem];
  const path = new URL(c.req.url).pathname;
  const body: Problem = { type: problemType(error.problem), title, status, detail: error.detail };
  if (path.length <= INSTANCE_MAX) body.instance = path;
  if (error.invalidParams) body.invalidParams = error.invalidParams;
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
    ...error.headers,
  });
}

/** The 400 for failed validation: the detail says what was wrong with each parameter at fault. */
export function invalidParameters(invalidParams: InvalidParam[]): ProblemError {
  const detail = invalidParams.map((param) => `${param.name}: ${param.reason}`).join("; ");
  return new ProblemError("invalid-parameters", detail, { invalidParams });
}

/** The 404 for a path nothing answers, naming the path (cut short). */
export function nothingAt(path: string): ProblemError {
  return new ProblemError("not-found", `Nothing at ${echoed(path)}; see /openapi.json for the API.`);
}
