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
