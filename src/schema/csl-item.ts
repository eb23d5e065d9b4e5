/** A CSL-JSON item (citationstyles.org), as `GET /v1/records/{id}/citation.json` gives one. */
import * as z from "zod/mini";

const CslDate = z.object({ "date-parts": z.array(z.array(z.number().check(z.int()))) });
const described = (description: string) => z.meta({ description });

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
    number: z.optional(z.string()).check(described("The UIN, where known.")),
    issued: z.optional(CslDate).check(described("The date answered (else tabled).")),
    submitted: z.optional(CslDate).check(described("The date tabled.")),
    authority: z.optional(z.string()).check(described("The answering body.")),
  })
  .register(z.globalRegistry, {
    id: "CslItem",
    description: "A citation in CSL-JSON, which Zotero, Pandoc and citeproc read.",
  });
export type CslItem = z.infer<typeof CslItem>;
