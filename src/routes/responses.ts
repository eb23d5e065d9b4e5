/** OpenAPI response declarations shared by the routes. */
import type { z } from "zod";
import { Problem } from "../schema/problem";

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

export const notModified = { description: "Not modified: the If-None-Match ETag is current." };

/** Any route may answer 429 once a client passes the rate limit (middleware/rate-limit.ts). */
export const rateLimited = {
  ...problem("Too many requests from this client; `Retry-After` says how many seconds to wait."),
  headers: {
    "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" as const } },
  },
};
