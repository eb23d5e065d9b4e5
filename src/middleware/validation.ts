/**
 * Validates a route's query string or path with its request schema and turns a failure into a
 * 400 problem that names each bad parameter, what was expected and what was found. The pages and
 * /embed list the same issues in HTML. A valid request is checked by the schema compiled at build
 * time (src/generated/validators.js), which constructs nothing; only a request it refuses loads
 * the zod schema itself (a dynamic import, evaluated on first use) to word the issues.
 */
import type { Context, MiddlewareHandler } from "hono";
import type * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { echoed } from "../echoed";
import { INVALID, validators } from "../generated/validators.js";
import { invalidParameters } from "../problem-error";
import type { InvalidParam } from "../schema/problem";
import { queryObject } from "./canonical-query";

/** What the request carried for `name`, cut short: a few values of a query parameter, or a path segment. */
function found(c: Context, name: string): string {
  const values = c.req.queries(name) ?? [];
  if (values.length === 0) {
    const param = c.req.param(name);
    return param === undefined ? "" : `, found ${JSON.stringify(echoed(param))}`;
  }
  const shown = values.slice(0, 3).map((value) => JSON.stringify(echoed(value)));
  if (values.length > 3) shown.push(`and ${values.length - 3} more`);
  return `, found ${shown.join(", ")}`;
}

/** A request with thousands of bad parameters gets a bounded answer, not one entry per parameter. */
export const MAX_REPORTED_PARAMS = 20;

export function describeIssues(c: Context, error: z.core.$ZodError): InvalidParam[] {
  const all = error.issues.flatMap((issue): InvalidParam[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        name: echoed(key),
        reason: "unknown parameter; /openapi.json lists the parameters this route takes",
      }));
    }
    const name = String(issue.path[0] ?? "query");
    const message = issue.message.replace(/^Invalid input: /, "");
    return [{ name, reason: message.includes("found ") ? message : `${message}${found(c, name)}` }];
  });
  if (all.length <= MAX_REPORTED_PARAMS) return all;
  return [
    ...all.slice(0, MAX_REPORTED_PARAMS),
    { name: "query", reason: `and ${all.length - MAX_REPORTED_PARAMS} more problems not listed` },
  ];
}

type Requests = typeof validators;
/** A request schema, by the name of its compiled validator (src/schema/requests.ts). */
export type RequestName = keyof Requests;
type Parsed<N extends RequestName> = Exclude<ReturnType<Requests[N]>, typeof INVALID>;

export type RequestResult<N extends RequestName> =
  | { success: true; data: Parsed<N> }
  | { success: false; error: z.core.$ZodError };

/** `value` checked against a request schema: the compiled validator's answer, or zod's issues. */
export async function checkRequest<N extends RequestName>(name: N, value: unknown): Promise<RequestResult<N>> {
  const data = validators[name](value);
  if (data !== INVALID) return { success: true, data: data as Parsed<N> };
  const { REQUEST_SCHEMAS } = await import("../schema/requests");
  const checked = REQUEST_SCHEMAS[name].safeParse(value);
  // The schema is the authority, should the compiled validator ever disagree with it.
  if (checked.success) return { success: true, data: checked.data as Parsed<N> };
  return { success: false, error: checked.error };
}

async function parsed<N extends RequestName>(name: N, value: unknown, c: Context): Promise<Parsed<N>> {
  const result = await checkRequest(name, value);
  if (!result.success) throw invalidParameters(describeIssues(c, result.error));
  return result.data;
}

/**
 * The route's query string, read as `queryObject` reads it and checked by the request schema
 * `name`, as `c.req.valid("query")`; invalid, it throws the 400 problem to the app's onError.
 */
export function validQuery<N extends RequestName>(
  name: N,
): MiddlewareHandler<AppEnv, string, { out: { query: Parsed<N> } }> {
  return async (c, next) => {
    c.req.addValidatedData("query", await parsed(name, queryObject(new URL(c.req.url)), c));
    await next();
  };
}

/** The route's path parameters checked by the request schema `name`, as `c.req.valid("param")`. */
export function validPath<N extends RequestName>(
  name: N,
): MiddlewareHandler<AppEnv, string, { out: { param: Parsed<N> } }> {
  return async (c, next) => {
    c.req.addValidatedData("param", await parsed(name, c.req.param(), c));
    await next();
  };
}

/** Whether `value` passes the request schema `name`, without wording why not. */
export function isValidRequest(name: RequestName, value: unknown): boolean {
  return validators[name](value) !== INVALID;
}
