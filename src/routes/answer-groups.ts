/** `GET /v1/answer-groups` (groups of records given the same answer, largest first) and `GET /v1/answer-groups/{id}`. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { validationHook } from "../middleware/validation";
import { ProblemError } from "../problem-error";
import { AnswerGroupId } from "../schema/answer-group";
import {
  ANSWER_GROUPS_PAGE_SIZE,
  AnswerGroup,
  AnswerGroupsParams,
  AnswerGroupsResponse,
} from "../schema/answer-groups";
import { indexUnavailable, invalidQuery, json, notModified, problem, rateLimited } from "./responses";

const list = createRoute({
  method: "get",
  path: "/v1/answer-groups",
  operationId: "listAnswerGroups",
  tags: ["research"],
  security: [],
  summary: "List groups of records given the same answer",
  description:
    "Records whose answers are word for word the same once case, punctuation and spacing are set aside, or nearly " +
    "the same (word-trigram Jaccard similarity of at least 0.8 and the same figures), largest group first, each with " +
    "every question it holds. A holding answer is grouped only with holding answers; an answer the source cut short is never grouped.",
  request: { query: AnswerGroupsParams },
  responses: {
    200: json(AnswerGroupsResponse, "A page of answer groups."),
    304: notModified,
    400: invalidQuery("/v1/answer-groups", ANSWER_GROUPS_PAGE_SIZE),
    429: rateLimited("/v1/answer-groups"),
    503: indexUnavailable("/v1/answer-groups"),
  },
});

const one = createRoute({
  method: "get",
  path: "/v1/answer-groups/{id}",
  operationId: "getAnswerGroup",
  tags: ["research"],
  security: [],
  summary: "Get one answer group",
  description: "The group with this id (a record's `answerGroup.id`), with every question given its answer.",
  request: { params: z.object({ id: AnswerGroupId }) },
  responses: {
    200: json(AnswerGroup, "The group."),
    304: notModified,
    400: problem("invalid-parameters", "The id is not a well-formed group id.", {
      detail: 'id: expected 12 characters from 0-9 a-f, found "nope"',
      instance: "/v1/answer-groups/nope",
      invalidParams: [{ name: "id", reason: 'expected 12 characters from 0-9 a-f, found "nope"' }],
    }),
    404: problem("not-found", "No answer group has this id.", {
      detail: 'No answer group has id "000000000000".',
      instance: "/v1/answer-groups/000000000000",
    }),
    429: rateLimited("/v1/answer-groups/000000000000"),
    503: indexUnavailable("/v1/answer-groups/000000000000"),
  },
});

export const answerGroupRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const request = c.req.valid("query");
    const result = await served.answerGroups(request);
    return c.json({ total: result.total, limit: request.limit, offset: request.offset, groups: result.groups }, 200);
  })
  .openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const group = await served.answerGroup(id);
    if (!group) throw new ProblemError("not-found", `No answer group has id ${JSON.stringify(id)}.`);
    return c.json(group, 200);
  });
