/**
 * The two answers the fetch reads, checked before anything is kept: a list page
 * (QuestionsViewModelSearchResult) and a single question (QuestionsViewModelItem). Each question
 * must pass the import's own schema (formats/parliament-api/api-question.ts), so whatever the
 * fetch saves, the build can read. Anything else fails naming the request and the JSON path.
 */
import { z } from "zod";
import { ApiQuestion } from "../formats/parliament-api/api-question";
import { formatJsonPath } from "../stages/json-positions";
import { describeFound, valueAt } from "../stages/validate";
import { FetchError } from "./fetch-error";

const Item = z.object({ value: z.unknown() }, { error: "expected an object {value, links}" });

export const ListPage = z.object(
  {
    totalResults: z.int({ error: "expected the number of results" }).nonnegative(),
    results: z.array(Item, { error: "expected a list of results" }),
  },
  { error: "expected an object {totalResults, results}" },
);

/** A question as the API sent it: kept raw, so a resumed run maps it exactly as a fresh one would. */
export interface RawQuestion {
  id: number;
  value: unknown;
}

function unexpected(request: string, path: PropertyKey[], issue: z.core.$ZodIssue, root: unknown): FetchError {
  const where = formatJsonPath([...path, ...issue.path]) || "the response";
  const message = issue.message.replace(/^Invalid input: /, "");
  return new FetchError(
    "unexpected",
    `${request}: the API answered a shape pqsearch does not know: ${where}: ${message}, found ${describeFound(
      valueAt(root, [...path, ...issue.path]),
    )}`,
  );
}

function question(request: string, root: unknown, path: PropertyKey[]): RawQuestion {
  const value = valueAt(root, path);
  const result = ApiQuestion.safeParse(value);
  if (!result.success) throw unexpected(request, path, result.error.issues[0] as z.core.$ZodIssue, root);
  return { id: result.data.id, value };
}

/** A list page's total and questions, or a FetchError naming `request`. */
export function readListPage(request: string, body: unknown): { totalResults: number; questions: RawQuestion[] } {
  const page = ListPage.safeParse(body);
  if (!page.success) throw unexpected(request, [], page.error.issues[0] as z.core.$ZodIssue, body);
  const questions = page.data.results.map((_, index) => question(request, body, ["results", index, "value"]));
  return { totalResults: page.data.totalResults, questions };
}

/** A single-question response's question, which must be the one asked for. */
export function readSingleQuestion(request: string, body: unknown, apiId: number): RawQuestion {
  const item = Item.safeParse(body);
  if (!item.success) throw unexpected(request, [], item.error.issues[0] as z.core.$ZodIssue, body);
  const found = question(request, body, ["value"]);
  if (found.id !== apiId)
    throw new FetchError(
      "unexpected",
      `${request}: asked for question ${apiId}, the API answered question ${found.id}`,
    );
  return found;
}
