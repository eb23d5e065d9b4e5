/** Query-string parameters of the iframe page `GET /embed`: a search plus the partner's presets. */
import { z } from "zod";
import { FilterParams, SearchParams } from "./query";

export const EmbedParams = FilterParams.pick({ house: true, party: true, answered: true })
  .extend({
    q: SearchParams.shape.q,
    limit: SearchParams.shape.limit,
    lang: z.enum(["en", "cy"], { error: "expected en or cy" }).default("en"),
    target: z
      .enum(["_blank", "_top"], { error: "expected _blank or _top" })
      .default("_blank")
      .meta({ description: "Where record links open: a new tab (default) or the partner's whole window." }),
  })
  .strict()
  .meta({ id: "EmbedParams" });
export type EmbedParams = z.output<typeof EmbedParams>;
