/** `GET /v1/records/{id}/related`: the questions most like one record's. */
import * as z from "zod/mini";
import { RecordId } from "./primitives";
import { RecordSummary } from "./record-summary";

export const RelatedQuestion = z
  .object({
    ...RecordSummary.shape,
    similarity: z.number().check(
      z.gte(0),
      z.lte(1),
      z.meta({
        description: "Cosine similarity of the two questions' TF-IDF term vectors, to two decimal places.",
        example: 0.42,
      }),
    ),
  })
  .register(z.globalRegistry, { id: "RelatedQuestion" });
export type RelatedQuestion = z.infer<typeof RelatedQuestion>;

export const RelatedResponse = z
  .object({
    id: RecordId,
    related: z
      .array(RelatedQuestion)
      .check(z.meta({ description: "Up to five, most alike first; empty when no question is alike enough." })),
  })
  .register(z.globalRegistry, { id: "RelatedResponse" });
export type RelatedResponse = z.infer<typeof RelatedResponse>;
