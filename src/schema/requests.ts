/**
 * The request schemas the Worker validates with, by name. The build compiles each into
 * src/generated/validators.js under the same name (index-build/validators.ts); the Worker imports
 * this module only to word the 400 for a request its compiled validator refused, so zod loads
 * then, not at start-up.
 */
import { AnswerGroupPath } from "./answer-group-path";
import { AnswerGroupsParams } from "./answer-groups-params";
import { EmbedParams } from "./embed";
import { ExportParams } from "./export";
import { FeedParams } from "./feed";
import { PageParams } from "./page-params";
import { RecordsParams, SearchParams } from "./query";
import { RecordPath } from "./record-path";
import { SuggestParams } from "./suggest";

export const REQUEST_SCHEMAS = {
  searchParams: SearchParams,
  recordsParams: RecordsParams,
  suggestParams: SuggestParams,
  exportParams: ExportParams,
  feedParams: FeedParams,
  answerGroupsParams: AnswerGroupsParams,
  answerGroupPath: AnswerGroupPath,
  embedParams: EmbedParams,
  pageParams: PageParams,
  recordPath: RecordPath,
};
