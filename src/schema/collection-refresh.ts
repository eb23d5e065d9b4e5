/**
 * How a collection kept current from the UK Parliament written-questions API is defined and when
 * it was last fetched (`npm run fetch`). The build reads it from the fetch's state file and puts it
 * in `/v1/meta`; the home page shows it in one line.
 */
import * as z from "zod/mini";

export const CollectionRefresh = z
  .object({
    definedBy: z.array(z.string()).check(
      z.minLength(1),
      z.meta({
        description: "What the collection is fetched by, one sentence per source.",
        example: ["Written questions mentioning “long covid” tabled since 1 January 2020"],
      }),
    ),
    refreshedAt: z.iso.datetime().check(
      z.meta({
        description: "When the collection last changed from a fetch of the written-questions API (UTC).",
        example: "2026-11-30T06:00:00.000Z",
      }),
    ),
  })
  .register(z.globalRegistry, { id: "CollectionRefresh" });
export type CollectionRefresh = z.infer<typeof CollectionRefresh>;
