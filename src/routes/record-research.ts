/**
 * A record's research extras: `GET /v1/records/{id}/related` (the questions most like it) and its
 * citation for reference managers, `GET /v1/records/{id}/citation.ris` and `…/citation.json`
 * (CSL-JSON). Documented in src/openapi/operations-research.ts.
 */
import type { Context } from "hono";
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { citationFields } from "../citations/citation";
import { CSL_JSON_TYPE, cslJsonOf } from "../citations/csl-json";
import { RIS_TYPE, risOf } from "../citations/ris";
import { served } from "../collection";
import { validPath } from "../middleware/validation";
import { ProblemError } from "../problem-error";
import { siteOf } from "./site-context";

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

export const recordResearchRoutes = new Hono<AppEnv>()
  .get("/v1/records/:id/related", validPath("recordPath"), async (c) => {
    const { id } = c.req.valid("param");
    const found = await served.related(id);
    if (!found) throw new ProblemError("not-found", `No record has id ${JSON.stringify(id)}.`);
    return c.json({ id, related: found }, 200);
  })
  .get("/v1/records/:id/citation.ris", validPath("recordPath"), async (c) => {
    const { id } = c.req.valid("param");
    const body = risOf(await fieldsOf(c, id));
    return c.body(body, 200, {
      "Content-Type": `${RIS_TYPE}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${id}.ris"`,
    });
  })
  .get("/v1/records/:id/citation.json", validPath("recordPath"), async (c) => {
    const { id } = c.req.valid("param");
    const body = JSON.stringify(cslJsonOf(id, await fieldsOf(c, id)));
    return c.body(body, 200, { "Content-Type": `${CSL_JSON_TYPE}; charset=utf-8` });
  });
