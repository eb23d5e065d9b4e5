/**
 * A record's research extras: `GET /v1/records/{id}/related` (the questions most like it) and its
 * citation for reference managers, `GET /v1/records/{id}/citation.ris` and `…/citation.json` (CSL-JSON).
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { citationFields } from "../citations/citation";
import { CSL_JSON_TYPE, cslJsonOf } from "../citations/csl-json";
import { RIS_TYPE, risOf } from "../citations/ris";
import { served } from "../collection";
import { validationHook } from "../middleware/validation";
import { ProblemError } from "../problem-error";
import { CslItem } from "../schema/csl-item";
import { RecordId } from "../schema/primitives";
import { RelatedResponse } from "../schema/related";
import { indexUnavailable, json, notModified, problem, rateLimited } from "./responses";
import { siteOf } from "./site-context";

const params = z.object({ id: RecordId });

/** The answers every route here shares besides its 200. */
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

const related = createRoute({
  method: "get",
  path: "/v1/records/{id}/related",
  operationId: "getRelatedRecords",
  tags: ["research"],
  security: [],
  summary: "Get a record's related questions",
  description:
    "Up to five other records whose questions are most alike, computed at build time: cosine similarity of TF-IDF " +
    "vectors over each question's heading and text without its opening formula, most alike first; none below 0.2.",
  request: { params },
  responses: { 200: json(RelatedResponse, "The related questions."), ...failures("/related") },
});

const ris = createRoute({
  method: "get",
  path: "/v1/records/{id}/citation.ris",
  operationId: "getRecordCitationRis",
  tags: ["research"],
  security: [],
  summary: "Get a record's citation as RIS",
  description: "The record as one RIS reference (type GOVDOC), for Zotero, EndNote, Mendeley and the like.",
  request: { params },
  responses: {
    200: {
      description: "The citation, as a download.",
      content: { [RIS_TYPE]: { schema: z.string().meta({ example: "TY  - GOVDOC\r\nTI  - Written question: …" }) } },
    },
    ...failures("/citation.ris"),
  },
});

const csl = createRoute({
  method: "get",
  path: "/v1/records/{id}/citation.json",
  operationId: "getRecordCitationCsl",
  tags: ["research"],
  security: [],
  summary: "Get a record's citation as CSL-JSON",
  description: "The record as a one-item CSL-JSON array, which Zotero, Pandoc and citeproc read.",
  request: { params },
  responses: {
    200: { description: "The citation.", content: { [CSL_JSON_TYPE]: { schema: z.array(CslItem) } } },
    ...failures("/citation.json"),
  },
});

/** The record, or a 404 problem naming the id. */
async function recordOf(id: string) {
  const record = await served.record(id);
  if (!record) throw new ProblemError("not-found", `No record has id ${JSON.stringify(id)}.`);
  return record;
}

/** The citation's fields, with the permanent link on this site's origin. */
async function fieldsOf(c: Context<AppEnv>, id: string) {
  return citationFields(await recordOf(id), `${siteOf(c).origin}/records/${id}`);
}

export const recordResearchRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(related, async (c) => {
    const { id } = c.req.valid("param");
    const found = await served.related(id);
    if (!found) throw new ProblemError("not-found", `No record has id ${JSON.stringify(id)}.`);
    return c.json({ id, related: found }, 200);
  })
  .openapi(ris, async (c) => {
    const { id } = c.req.valid("param");
    const body = risOf(await fieldsOf(c, id));
    return c.body(body, 200, {
      "Content-Type": `${RIS_TYPE}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${id}.ris"`,
    });
  })
  .openapi(csl, async (c) => {
    const { id } = c.req.valid("param");
    const body = JSON.stringify(cslJsonOf(id, await fieldsOf(c, id)));
    return c.body(body, 200, { "Content-Type": `${CSL_JSON_TYPE}; charset=utf-8` });
  });
