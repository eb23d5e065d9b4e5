/** `/v1/suggest`: completions for search-as-you-type; its answer's schemas are in suggest-response.ts. */
import * as z from "zod/mini";
import { textExpected } from "./primitives";
import { wholeNumber } from "./query";

/** Most completions one request may ask for. */
export const SUGGEST_LIMIT = 20;

export const SuggestParams = z
  .strictObject({
    q: z
      ._default(
        z.string({ error: textExpected("expected text") }).check(z.maxLength(200, "expected at most 200 characters")),
        "",
      )
      .register(z.globalRegistry, {
        description: "What has been typed so far; its last word is completed.",
        example: "inqu",
      }),
    limit: wholeNumber(1, SUGGEST_LIMIT, 8),
  })
  .register(z.globalRegistry, { id: "SuggestParams" });
export type SuggestParams = z.output<typeof SuggestParams>;
