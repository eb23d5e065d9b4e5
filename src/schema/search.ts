/** The `/v1/search` and `/v1/records` answers. */
import * as z from "zod/mini";
import { Facets } from "./facet-counts";
import { Member } from "./member";
import { House, IsoDate, RecordId } from "./primitives";
import { QuestionRecord } from "./record";

export const Highlights = z
  .object({
    questionText: z.string(),
    answerText: z.nullable(z.string()),
  })
  .check(
    z.meta({
      id: "Highlights",
      description: "HTML-escaped source text in which only `<mark>` and `</mark>` are added around matches.",
    }),
  );

export const Hit = z
  .object({
    id: RecordId,
    house: House,
    askingMember: Member,
    answered: z.boolean(),
    dateAnswered: z.nullable(IsoDate),
    questionText: z.string(),
    highlights: Highlights,
  })
  .register(z.globalRegistry, { id: "Hit" });
export type Hit = z.infer<typeof Hit>;

const Page = {
  total: z.number().check(z.int(), z.nonnegative(), z.meta({ description: "Matches in all, before paging." })),
  limit: z.number().check(z.int()),
  offset: z.number().check(z.int()),
};

export const SearchResponse = z
  .object({ ...Page, hits: z.array(Hit), facets: Facets })
  .register(z.globalRegistry, { id: "SearchResponse" });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const RecordsResponse = z
  .object({ ...Page, records: z.array(QuestionRecord) })
  .register(z.globalRegistry, { id: "RecordsResponse" });
export type RecordsResponse = z.infer<typeof RecordsResponse>;
