/** `GET /v1/records/{id}/related`: the questions most like one record's. */
import { z } from "zod";
import { RecordId } from "./primitives";
import { RecordSummary } from "./record-summary";

export const RelatedQuestion = RecordSummary.extend({
  similarity: z.number().min(0).max(1).meta({
    description: "Cosine similarity of the two questions' TF-IDF term vectors, to two decimal places.",
    example: 0.42,
  }),
}).meta({ id: "RelatedQuestion" });
export type RelatedQuestion = z.infer<typeof RelatedQuestion>;

export const RelatedResponse = z
  .object({
    id: RecordId,
    related: z
      .array(RelatedQuestion)
      .meta({ description: "Up to five, most alike first; empty when no question is alike enough." }),
  })
  .meta({ id: "RelatedResponse" });
export type RelatedResponse = z.infer<typeof RelatedResponse>;
