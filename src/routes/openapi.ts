/**
 * `GET /openapi.json`: the OpenAPI 3.1 document, generated from the zod schemas the routes
 * validate with. Absolute server URLs come from PUBLIC_URL, never from the request's Host.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { buildId } from "../collection";
import { publicOrigin } from "../deployment";

/** The operations' tags, in the order a reader meets them. */
export const TAGS = [
  { name: "search", description: "Full-text search and search-as-you-type." },
  { name: "records", description: "Whole records: one by id, or a filtered listing." },
  { name: "collection", description: "What the collection holds and what its filters accept." },
  { name: "research", description: "Answer groups (the same answer to many questions), related questions, citations." },
];

const DESCRIPTION = [
  "Full-text search over UK parliamentary written questions and answers.",
  "The API is public and read-only: no key, account or cookie, so no operation has a security requirement.",
  "Each client IP may send only so many requests a minute; past that, answers are 429 with `Retry-After`.",
  "Errors are RFC 9457 problem details (`application/problem+json`) whose `type` is `urn:pqsearch:problem:<name>`.",
].join(" ");

/** Registers the document's route on `app`, which must hold every other route. */
export function openApiDocument(app: OpenAPIHono<AppEnv>): void {
  app.get("/openapi.json", (c) => {
    const origin = publicOrigin(c.env, c.req.url);
    const document = app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "pqsearch",
        version: buildId,
        description: DESCRIPTION,
        license: { name: "MIT", url: "https://spdx.org/licenses/MIT.html" },
        contact: { name: "pqsearch maintainers" },
      },
      // Relative when no public origin is configured: it resolves against wherever this was fetched.
      servers: [{ url: origin ?? "/", description: "This service." }],
      tags: TAGS,
    });
    return c.json(document);
  });
}
