/** The editable synonyms file (`index-build/synonyms.json`): groups of words or phrases that mean the same. */
import { z } from "zod";

export const SynonymsFile = z
  .strictObject({
    $comment: z.string().optional(),
    groups: z
      .array(
        z
          .array(z.string().trim().min(1, "expected a non-empty word or phrase"))
          .min(2, "expected a group of at least two variants"),
      )
      .meta({ description: 'Each group lists variants that mean the same, e.g. ["UN", "United Nations"].' }),
  })
  .meta({ id: "SynonymsFile" });
export type SynonymsFile = z.infer<typeof SynonymsFile>;
