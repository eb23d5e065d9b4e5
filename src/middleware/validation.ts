/**
 * Turns a zod validation failure into a 400 problem that names each bad parameter, what was
 * expected and what was found. Used as the default hook of every OpenAPI route.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { invalidParameters } from "../problem";
import type { InvalidParam } from "../schema/problem";

function found(c: Context, name: string): string {
  const values = c.req.queries(name) ?? [];
  if (values.length === 0) {
    const param = c.req.param(name);
    return param === undefined ? "" : `, found ${JSON.stringify(param)}`;
  }
  const shown = values
    .slice(0, 3)
    .map((value) => JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value));
  if (values.length > 3) shown.push(`and ${values.length - 3} more`);
  return `, found ${shown.join(", ")}`;
}

/** A request with thousands of bad parameters gets a bounded answer, not one entry per parameter. */
export const MAX_REPORTED_PARAMS = 20;

export function describeIssues(c: Context, error: z.ZodError): InvalidParam[] {
  const all = error.issues.flatMap((issue): InvalidParam[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        // Names come from the request: a 10,000-character one is not repeated back whole.
        name: key.length > 40 ? `${key.slice(0, 37)}...` : key,
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

/** The OpenAPIHono default hook: any failed validation answers 400 at once. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context): Response | undefined {
  if (result.success) return undefined;
  return invalidParameters(c, describeIssues(c, result.error as z.ZodError));
}
