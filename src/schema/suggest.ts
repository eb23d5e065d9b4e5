/** `/v1/suggest`: completions for search-as-you-type. */
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

export const Suggestion = z
  .object({
    text: z.string().check(
      z.meta({
        description:
          "The query to offer: what was typed before the word being completed (in NFC), then the completion, which replaces that word and any symbols typed straight before it.",
      }),
    ),
    kind: z
      .enum(["member", "term"])
      .check(z.meta({ description: "An asking member's name, or a word from the records." })),
    count: z
      .number()
      .check(
        z.int(),
        z.nonnegative(),
        z.meta({ description: "Records it finds: questions asked, or records holding the word." }),
      ),
  })
  .register(z.globalRegistry, { id: "Suggestion" });
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestResponse = z
  .object({
    q: z.string().check(z.meta({ description: "`q` as read: decoded and put in Unicode NFC." })),
    suggestions: z.array(Suggestion),
  })
  .register(z.globalRegistry, { id: "SuggestResponse" });
export type SuggestResponse = z.infer<typeof SuggestResponse>;
