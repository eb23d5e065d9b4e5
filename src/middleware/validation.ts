/**
 * Validates a route's query string or path with its zod schema and turns a failure into a 400
 * problem that names each bad parameter, what was expected and what was found. The pages and
 * /embed list the same issues in HTML.
 */
import type { Context, MiddlewareHandler } from "hono";
import type * as z from "zod/mini";
import type { AppEnv } from "../app-env";
import { echoed } from "../echoed";
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

function parsed<T extends z.ZodMiniType>(schema: T, value: unknown, c: Context): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidParameters(describeIssues(c, result.error));
  return result.data;
}

/**
 * The route's query string, read as `queryObject` reads it and checked by `schema`, as
 * `c.req.valid("query")`; invalid, it throws the 400 problem to the app's onError.
 */
export function validQuery<T extends z.ZodMiniType<object>>(
  schema: T,
): MiddlewareHandler<AppEnv, string, { out: { query: z.output<T> } }> {
  return async (c, next) => {
    c.req.addValidatedData("query", parsed(schema, queryObject(new URL(c.req.url)), c));
    await next();
  };
}

/** The route's path parameters checked by `schema`, as `c.req.valid("param")`. */
export function validPath<T extends z.ZodMiniType<object>>(
  schema: T,
): MiddlewareHandler<AppEnv, string, { out: { param: z.output<T> } }> {
  return async (c, next) => {
    c.req.addValidatedData("param", parsed(schema, c.req.param(), c));
    await next();
  };
}
