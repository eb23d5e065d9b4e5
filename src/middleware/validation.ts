/**
 * Turns a zod validation failure into a 400 problem that names each bad parameter, what was
 * expected and what was found. Used as the default hook of every OpenAPI route; the pages list
 * the same issues in HTML.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { echoed } from "../echoed";
import { invalidParameters } from "../problem-error";
import type { InvalidParam } from "../schema/problem";

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

export function describeIssues(c: Context, error: z.ZodError): InvalidParam[] {
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

/** The OpenAPIHono default hook: any failed validation is a 400 problem, thrown to the app's onError. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context): undefined {
  if (result.success) return undefined;
  throw invalidParameters(describeIssues(c, result.error as z.ZodError));
}
