/**
 * What `/v1/suggest` answers. Apart from its parameters (suggest.ts), which the Worker loads to
 * word a refused request: only the OpenAPI document and the tests need these.
 */
import * as z from "zod/mini";

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
