/** The editable synonyms file (`index-build/synonyms.json`): groups of words or phrases that mean the same. */
import * as z from "zod/mini";

export const SynonymsFile = z
  .strictObject({
    $comment: z.optional(z.string()),
    groups: z
      .array(
        z
          .array(z.string().check(z.trim(), z.minLength(1, "expected a non-empty word or phrase")))
          .check(z.minLength(2, "expected a group of at least two variants")),
      )
      .check(z.meta({ description: 'Each group lists variants that mean the same, e.g. ["UN", "United Nations"].' })),
  })
  .register(z.globalRegistry, { id: "SynonymsFile" });
export type SynonymsFile = z.infer<typeof SynonymsFile>;
