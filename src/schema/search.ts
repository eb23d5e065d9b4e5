/** The `/v1/search` and `/v1/records` answers. */
import { z } from "zod";
import { AnswerGroupRef } from "./answer-group";
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

/**
 * Offsets in UTF-16 code units, as JavaScript strings count them: `text.slice(start, end)`. A pair
 * as a two-item array rather than a tuple: OpenAPI 3.1 tools (Spectral's array-items) require an
 * `items` schema, which the generator leaves out of tuples.
 */
const Range = z
  .array(z.number().int().nonnegative())
  .length(2)
  .meta({ description: "[start, end): `text.slice(start, end)` in UTF-16 code units." });

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
    answerGroup: AnswerGroupRef.nullable().meta({
      description: "The record's answer group, or null where no other record has its answer.",
    }),
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

export const RecordsResponse = z
  .object({
    ...Page,
    records: z.array(QuestionRecord),
    nextCursor: z.string().nullable().meta({
      description: "Pass as `cursor` to get the page after this one; null on the last page.",
      example: "MTp3cS0xMjgyNjYy",
    }),
  })
  .meta({ id: "RecordsResponse" });
export type RecordsResponse = z.infer<typeof RecordsResponse>;
