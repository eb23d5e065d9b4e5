/** The `/v1/search` and `/v1/records` answers. */
import { z } from "zod";
import { Facets } from "./facets";
import { Member } from "./member";
import { House, IsoDate, RecordId } from "./primitives";
import { QuestionRecord } from "./record";

export const Highlights = z
  .object({
    questionText: z.string(),
    answerText: z.string().nullable(),
  })
  .meta({
    id: "Highlights",
    description: "HTML-escaped source text in which only `<mark>` and `</mark>` are added around matches.",
  });

export const Hit = z
  .object({
    id: RecordId,
    house: House,
    askingMember: Member,
    answered: z.boolean(),
    dateAnswered: IsoDate.nullable(),
    questionText: z.string(),
    highlights: Highlights,
  })
  .meta({ id: "Hit" });
export type Hit = z.infer<typeof Hit>;

const Page = {
  total: z.number().int().nonnegative().meta({ description: "Matches in all, before paging." }),
  limit: z.number().int(),
  offset: z.number().int(),
};

export const SearchResponse = z.object({ ...Page, hits: z.array(Hit), facets: Facets }).meta({ id: "SearchResponse" });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const RecordsResponse = z.object({ ...Page, records: z.array(QuestionRecord) }).meta({ id: "RecordsResponse" });
export type RecordsResponse = z.infer<typeof RecordsResponse>;
