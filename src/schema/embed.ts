/** Query-string parameters of the iframe page `GET /embed`: a search plus the partner's presets. */
import * as z from "zod/mini";
import { FilterParams, SearchParams } from "./query";

export const EmbedParams = z
  .strictObject({
    house: FilterParams.shape.house,
    party: FilterParams.shape.party,
    answered: FilterParams.shape.answered,
    q: SearchParams.shape.q,
    limit: SearchParams.shape.limit,
    lang: z._default(z.enum(["en", "cy"], { error: "expected en or cy" }), "en"),
    target: z
      ._default(z.enum(["_blank", "_top"], { error: "expected _blank or _top" }), "_blank")
      .register(z.globalRegistry, {
        description: "Where record links open: a new tab (default) or the partner's whole window.",
      }),
  })
  .register(z.globalRegistry, { id: "EmbedParams" });
export type EmbedParams = z.output<typeof EmbedParams>;
