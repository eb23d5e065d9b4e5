/** A CSL-JSON item (citationstyles.org), as `GET /v1/records/{id}/citation.json` gives one. */
import { z } from "zod";

const CslDate = z.object({ "date-parts": z.array(z.array(z.number().int())) });

export const CslItem = z
  .object({
    id: z.string(),
    type: z.literal("document"),
    title: z.string(),
    author: z.array(z.object({ literal: z.string() })),
    publisher: z.string(),
    "publisher-place": z.string(),
    genre: z.string(),
    URL: z.string(),
    abstract: z.string(),
    number: z.string().optional().meta({ description: "The UIN, where known." }),
    issued: CslDate.optional().meta({ description: "The date answered (else tabled)." }),
    submitted: CslDate.optional().meta({ description: "The date tabled." }),
    authority: z.string().optional().meta({ description: "The answering body." }),
  })
  .meta({ id: "CslItem", description: "A citation in CSL-JSON, which Zotero, Pandoc and citeproc read." });
export type CslItem = z.infer<typeof CslItem>;
