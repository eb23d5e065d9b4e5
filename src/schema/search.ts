/** The `/v1/search` and `/v1/records` answers. */
import * as z from "zod/mini";
import { AnswerGroupRef } from "./answer-group";
import { Facets } from "./facet-counts";
import { IsoDate } from "./primitives";
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

/** Offsets in UTF-16 code units, as JavaScript strings count them: `text.slice(start, end)`. */
const Offset = z.number().check(z.int(), z.nonnegative());
const Range = z.tuple([Offset, Offset]);

export const MarkedText = z
  .object({
    text: z.string().check(
      z.meta({
        description: "Plain text: the whole question, or a window of the answer with … where text was left out.",
      }),
    ),
    marks: z
      .array(Range)
      .check(z.meta({ description: "The matched words, in order, as [start, end) offsets into `text`." })),
  })
  .register(z.globalRegistry, {
    id: "MarkedText",
    description: "Text and the ranges a search matched in it: render `text` as text, wrapping each range in a mark.",
  });
export type MarkedText = z.infer<typeof MarkedText>;

/** What a results list shows of a record: who asked and when it was answered, with the matches marked. */
export const Hit = z
  .object({
    ...z.pick(QuestionRecord, { id: true, house: true, askingMember: true, answered: true }).shape,
    dateAnswered: z.nullable(IsoDate),
    heading: z
      .nullable(z.string())
      .check(z.meta({ description: "The question's heading, or null where the source gives none." })),
    questionText: z.string(),
    answerGroup: z
      .nullable(AnswerGroupRef)
      .check(z.meta({ description: "The record's answer group, or null where no other record has its answer." })),
    matchedAll: z.boolean().check(
      z.meta({
        description:
          "Whether the record matched every word and phrase of `q` (always, with match=all or when browsing); false for a partial match shown because few records match everything.",
      }),
    ),
    highlights: Highlights,
    marked: z
      .object({ questionText: MarkedText, answerText: z.nullable(MarkedText) })
      .check(z.meta({ description: "The same matches as `highlights`, as plain text and ranges instead of HTML." })),
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
  .object({
    ...Page,
    records: z.array(QuestionRecord),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, {
      description: "Pass as `cursor` to get the page after this one; null on the last page.",
      example: "MTp3cS0xMjgyNjYy",
    }),
  })
  .register(z.globalRegistry, { id: "RecordsResponse" });
export type RecordsResponse = z.infer<typeof RecordsResponse>;
