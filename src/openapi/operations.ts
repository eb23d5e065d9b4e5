/**
 * Every operation of the JSON API as OpenAPI describes it: path, the zod schemas of its
 * parameters (the very ones the route validates with, src/routes) and of its answers, and what
 * each status means. The build turns these into /openapi.json (document.ts); the Worker never
 * imports this file, so none of it is constructed at start-up.
 */
import * as z from "zod/mini";
import { ExportParams } from "../schema/export";
import { FEED_ENTRIES, FeedParams } from "../schema/feed";
import { Meta } from "../schema/meta";
import { LIMITS, RecordsParams, SearchParams } from "../schema/query";
import { QuestionRecord } from "../schema/record";
import { RecordPath } from "../schema/record-path";
import { RecordsResponse, SearchResponse } from "../schema/search";
import { SUGGEST_LIMIT, SuggestParams } from "../schema/suggest";
import { SuggestResponse } from "../schema/suggest-response";
import { RESEARCH_OPERATIONS } from "./operations-research";
import { indexUnavailable, invalidQuery, json, notModified, problem, rateLimited } from "./responses";

/** One GET operation, in the shape zod-to-openapi registers (`RouteConfig`), with mini schemas. */
export interface Operation {
  method: "get";
  /** OpenAPI's template syntax (`/v1/records/{id}`); the route's own path says `:id`. */
  path: string;
  operationId: string;
  tags: string[];
  security: [];
  summary: string;
  description: string;
  request?: { query?: z.ZodMiniType; params?: z.ZodMiniType };
  /** By status; a `content` entry's `schema` is a zod schema, everything else is written as it is. */
  responses: Record<number, unknown>;
}

const CSV_EXAMPLE =
  '\uFEFF"id","recordUrl","house","uin","dateTabled","dateAnswered","askingMember",…\r\n' +
  '"wq-1282662","https://search.example.org/records/wq-1282662","Commons","146937","2021-01-28","2021-02-01","Mr David Jones",…\r\n';

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/v1/search",
    operationId: "search",
    tags: ["search"],
    security: [],
    summary: "Search questions and answers",
    description:
      "Every word must match (in any field). Results are ordered by relevance unless `sort` says otherwise; " +
      "an empty `q` browses. Facet counts cover every match, not just the page.",
    request: { query: SearchParams },
    responses: {
      200: json(SearchResponse, "Matching records, a page of hits and facet counts."),
      304: notModified,
      400: invalidQuery("/v1/search", LIMITS.searchPageSize),
      429: rateLimited("/v1/search"),
      503: indexUnavailable("/v1/search"),
    },
  },
  {
    method: "get",
    path: "/v1/suggest",
    operationId: "suggest",
    tags: ["search"],
    security: [],
    summary: "Suggest completions",
    description:
      "Completes the last word of `q`: asking members whose name it begins (most questions first), then words " +
      "from the records that start with it (most widely used first). Empty once `q` ends with a space.",
    request: { query: SuggestParams },
    responses: {
      200: json(SuggestResponse, "Completions, most useful first."),
      304: notModified,
      400: invalidQuery("/v1/suggest", SUGGEST_LIMIT),
      429: rateLimited("/v1/suggest"),
      503: indexUnavailable("/v1/suggest"),
    },
  },
  {
    method: "get",
    path: "/feed.atom",
    operationId: "searchFeed",
    tags: ["search"],
    security: [],
    summary: "Follow a search as an Atom feed",
    description:
      `The newest ${FEED_ENTRIES} matches of a search (words and filters as /v1/search takes them), newest answer ` +
      "first, as an Atom (RFC 4287) feed whose entries link to the record pages. Its `updated` is the newest " +
      "entry's date, so it changes when a newer answer enters the search.",
    request: { query: FeedParams },
    responses: {
      200: {
        description: "The feed.",
        content: {
          "application/atom+xml": {
            schema: z.string().register(z.globalRegistry, { example: '<?xml version="1.0"?><feed …/>' }),
          },
        },
      },
      304: notModified,
      400: problem("invalid-parameters", "A parameter is invalid; `invalidParams` names each.", {
        detail: 'house: expected Commons or Lords, found "commons"',
        instance: "/feed.atom",
        invalidParams: [{ name: "house", reason: 'expected Commons or Lords, found "commons"' }],
      }),
      429: rateLimited("/feed.atom"),
      503: indexUnavailable("/feed.atom"),
    },
  },
  {
    method: "get",
    path: "/v1/records",
    operationId: "listRecords",
    tags: ["records"],
    security: [],
    summary: "List records",
    description:
      "Every record passing the filters, in source order. Page with `offset` up to 1,000 deep, or with `cursor` " +
      "(each page's `nextCursor`) through the whole listing, however long.",
    request: { query: RecordsParams },
    responses: {
      200: json(RecordsResponse, "A page of full records."),
      304: notModified,
      400: invalidQuery("/v1/records", LIMITS.recordsPageSize),
      429: rateLimited("/v1/records"),
      503: indexUnavailable("/v1/records"),
    },
  },
  {
    method: "get",
    path: "/v1/export",
    operationId: "exportRecords",
    tags: ["records"],
    security: [],
    summary: "Export every match of a search",
    description:
      "The same words, filters and order as /v1/search, but every match (no page, no 1,000 limit), streamed as " +
      "CSV or NDJSON. CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or " +
      "carriage return) are prefixed with an apostrophe. Record URLs are absolute: under PUBLIC_URL, else the " +
      "request's origin.",
    request: { query: ExportParams },
    responses: {
      200: {
        description: "The whole export, streamed; `X-Total-Count` says how many records it holds.",
        headers: {
          "X-Total-Count": { description: "Records in the export.", schema: { type: "integer" } },
          "Content-Disposition": { description: "A file name to save it under.", schema: { type: "string" } },
        },
        content: {
          "text/csv": { schema: z.string().register(z.globalRegistry, { example: CSV_EXAMPLE }) },
          "application/x-ndjson": {
            schema: z.string().register(z.globalRegistry, {
              description: "One JSON Record per line.",
              example: '{"id":"wq-1282662",…}\n',
            }),
          },
        },
      },
      304: notModified,
      400: problem("invalid-parameters", "A parameter is invalid; `invalidParams` names each.", {
        detail: 'format: expected csv or ndjson, found "xlsx"',
        instance: "/v1/export",
        invalidParams: [{ name: "format", reason: 'expected csv or ndjson, found "xlsx"' }],
      }),
      429: rateLimited("/v1/export"),
      503: indexUnavailable("/v1/export"),
    },
  },
  {
    method: "get",
    path: "/v1/records/{id}",
    operationId: "getRecord",
    tags: ["records"],
    security: [],
    summary: "Get one record",
    description: "The whole record with this id, as the build compiled it: question, answer and sources.",
    request: { params: RecordPath },
    responses: {
      200: json(QuestionRecord, "The record."),
      304: notModified,
      400: problem("invalid-parameters", "The id is not a well-formed record id.", {
        detail: 'id: expected 1-64 characters from A-Z a-z 0-9 _ -, found "not an id"',
        instance: "/v1/records/not%20an%20id",
        invalidParams: [{ name: "id", reason: 'expected 1-64 characters from A-Z a-z 0-9 _ -, found "not an id"' }],
      }),
      404: problem("not-found", "No record has this id.", {
        detail: 'No record has id "aaaaaaaaaaaa".',
        instance: "/v1/records/aaaaaaaaaaaa",
      }),
      429: rateLimited("/v1/records/aaaaaaaaaaaa"),
      503: indexUnavailable("/v1/records/aaaaaaaaaaaa"),
    },
  },
  {
    method: "get",
    path: "/v1/meta",
    operationId: "getMeta",
    tags: ["collection"],
    security: [],
    summary: "Describe the collection",
    description:
      "The collection's title, description and size, the build that made it, the fields search looks in, and " +
      "facet counts over every record: the values the `party`, `member`, `body` and `heading` filters accept.",
    responses: {
      200: json(Meta, "What the collection is and the values its filters accept."),
      304: notModified,
      429: rateLimited("/v1/meta"),
    },
  },
  ...RESEARCH_OPERATIONS,
];
