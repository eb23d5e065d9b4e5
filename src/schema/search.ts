/** The `/v1/search` and `/v1/records` answers. */
import { z } from "zod";
import { Facets } from "./facets";
import { IsoDate } from "./primitives";
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

/** Offsets in UTF-16 code units, as JavaScript strings count them: `text.slice(start, end)`. */
const Range = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const MarkedText = z
  .object({
    text: z.string().meta({
      description: "Plain text: the whole question, or a window of the answer with … where text was left out.",
    }),
    marks: z.array(Range).meta({ description: "The matched words, in order, as [start, end) offsets into `text`." }),
  })
  .meta({
    id: "MarkedText",
    description: "Text and the ranges a search matched in it: render `text` as text, wrapping each range in a mark.",
  });
export type MarkedText = z.infer<typeof MarkedText>;

/** What a results list shows of a record: who asked and when it was answered, with the matches marked. */
export const Hit = QuestionRecord.pick({ id: true, house: true, askingMember: true, answered: true })
  .extend({
    dateAnswered: IsoDate.nullable(),
    heading: z
      .string()
      .nullable()
      .meta({ description: "The question's heading, or null where the source gives none." }),
    questionText: z.string(),
    matchedAll: z.boolean().meta({
      description:
        "Whether the record matched every word and phrase of `q` (always, with match=all or when browsing); false for a partial match shown because few records match everything.",
    }),
    highlights: Highlights,
    marked: z
      .object({ questionText: MarkedText, answerText: MarkedText.nullable() })
      .meta({ description: "The same matches as `highlights`, as plain text and ranges instead of HTML." }),
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
