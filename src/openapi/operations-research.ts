/**
 * The research operations (answer groups, related questions, citations) as OpenAPI describes
 * them; operations.ts lists them with the rest. Build-time only, like operations.ts.
 */
import * as z from "zod/mini";
import { CSL_JSON_TYPE } from "../citations/csl-json";
import { RIS_TYPE } from "../citations/ris";
import { AnswerGroupPath } from "../schema/answer-group-path";
import {
  ANSWER_GROUPS_PAGE_SIZE,
  AnswerGroup,
  AnswerGroupsParams,
  AnswerGroupsResponse,
} from "../schema/answer-groups";
import { CslItem } from "../schema/csl-item";
import { RecordPath } from "../schema/record-path";
import { RelatedResponse } from "../schema/related";
import type { Operation } from "./operations";
import { indexUnavailable, invalidQuery, json, notModified, problem, rateLimited } from "./responses";

/** The answers every record route here shares besides its 200. */
function failures(suffix: string) {
  const instance = `/v1/records/aaaaaaaaaaaa${suffix}`;
  return {
    304: notModified,
    400: problem("invalid-parameters", "The id is not a well-formed record id.", {
      detail: 'id: expected 1-64 characters from A-Z a-z 0-9 _ -, found "not an id"',
      instance: `/v1/records/not%20an%20id${suffix}`,
      invalidParams: [{ name: "id", reason: 'expected 1-64 characters from A-Z a-z 0-9 _ -, found "not an id"' }],
    }),
    404: problem("not-found", "No record has this id.", { detail: 'No record has id "aaaaaaaaaaaa".', instance }),
    429: rateLimited(instance),
    503: indexUnavailable(instance),
  };
}

export const RESEARCH_OPERATIONS: Operation[] = [
  {
    method: "get",
    tags: ["research"],
    security: [],
    path: "/v1/records/{id}/related",
    operationId: "getRelatedRecords",
    summary: "Get a record's related questions",
    description:
      "Up to five other records whose questions are most alike, computed at build time: cosine similarity of TF-IDF " +
      "vectors over each question's heading and text without its opening formula, most alike first; none below 0.2.",
    request: { params: RecordPath },
    responses: { 200: json(RelatedResponse, "The related questions."), ...failures("/related") },
  },
  {
    method: "get",
    tags: ["research"],
    security: [],
    path: "/v1/records/{id}/citation.ris",
    operationId: "getRecordCitationRis",
    summary: "Get a record's citation as RIS",
    description: "The record as one RIS reference (type GOVDOC), for Zotero, EndNote, Mendeley and the like.",
    request: { params: RecordPath },
    responses: {
      200: {
        description: "The citation, as a download.",
        content: {
          [RIS_TYPE]: {
            schema: z.string().register(z.globalRegistry, { example: "TY  - GOVDOC\r\nTI  - Written question: …" }),
          },
        },
      },
      ...failures("/citation.ris"),
    },
  },
  {
    method: "get",
    tags: ["research"],
    security: [],
    path: "/v1/records/{id}/citation.json",
    operationId: "getRecordCitationCsl",
    summary: "Get a record's citation as CSL-JSON",
    description: "The record as a one-item CSL-JSON array, which Zotero, Pandoc and citeproc read.",
    request: { params: RecordPath },
    responses: {
      200: { description: "The citation.", content: { [CSL_JSON_TYPE]: { schema: z.array(CslItem) } } },
      ...failures("/citation.json"),
    },
  },
  {
    method: "get",
    tags: ["research"],
    security: [],
    path: "/v1/answer-groups",
    operationId: "listAnswerGroups",
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
  },
  {
    method: "get",
    tags: ["research"],
    security: [],
    path: "/v1/answer-groups/{id}",
    operationId: "getAnswerGroup",
    summary: "Get one answer group",
    description: "The group with this id (a record's `answerGroup.id`), with every question given its answer.",
    request: { params: AnswerGroupPath },
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
  },
];
