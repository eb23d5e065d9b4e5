/**
 * `GET /v1/answer-groups` (groups of records given the same answer, largest first) and
 * `GET /v1/answer-groups/{id}`. Documented in src/openapi/operations-research.ts.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validPath, validQuery } from "../middleware/validation";
import { ProblemError } from "../problem-error";

export const answerGroupRoutes = new Hono<AppEnv>()
  .get("/v1/answer-groups", validQuery("answerGroupsParams"), async (c) => {
    const request = c.req.valid("query");
    const result = await served.answerGroups(request);
    return c.json({ total: result.total, limit: request.limit, offset: request.offset, groups: result.groups }, 200);
  })
  .get("/v1/answer-groups/:id", validPath("answerGroupPath"), async (c) => {
    const { id } = c.req.valid("param");
    const group = await served.answerGroup(id);
    if (!group) throw new ProblemError("not-found", `No answer group has id ${JSON.stringify(id)}.`);
    return c.json(group, 200);
  });
