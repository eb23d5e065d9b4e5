/** `/v1/suggest`: completions for search-as-you-type. */
import { z } from "zod";
import { wholeNumber } from "./query";

/** Most completions one request may ask for. */
export const SUGGEST_LIMIT = 20;

export const SuggestParams = z
  .object({
    q: z
      .string()
      .max(200, "expected at most 200 characters")
      .default("")
      .meta({ description: "What has been typed so far; its last word is completed.", example: "inqu" }),
    limit: wholeNumber(1, SUGGEST_LIMIT, 8),
  })
  .strict()
  .meta({ id: "SuggestParams" });
export type SuggestParams = z.output<typeof SuggestParams>;

export const Suggestion = z
  .object({
    text: z.string().meta({
      description:
        "The query to offer: what was typed before the word being completed (in NFC), then the completion, which replaces that word and any symbols typed straight before it.",
    }),
    kind: z.enum(["member", "term"]).meta({ description: "An asking member's name, or a word from the records." }),
    count: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: "Records it finds: questions asked, or records holding the word." }),
  })
  .meta({ id: "Suggestion" });
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestResponse = z
  .object({
    q: z.string().meta({ description: "`q` as read: decoded and put in Unicode NFC." }),
    suggestions: z.array(Suggestion),
  })
  .meta({ id: "SuggestResponse" });
export type SuggestResponse = z.infer<typeof SuggestResponse>;
