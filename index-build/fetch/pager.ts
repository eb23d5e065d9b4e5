/**
 * Pages through list queries with `skip`/`take` and gathers their questions by API id. The first
 * page says how many there are; the rest are asked for together (the client bounds how many at
 * once). Every page is saved as it arrives, so a resumed run asks only for the pages it lacks.
 * Questions tabled while paging shift the pages under the fetch: one may then show twice (merged by
 * id) or not at all, which the count shows; a query that comes up short is paged again once.
 */
import { type ListQuery, pagePath } from "./api-query";
import { type RawQuestion, readListPage } from "./api-responses";
import type { ApiClient } from "./client";
import { FetchError } from "./fetch-error";
import type { FetchProgress, SavedPage } from "./progress";

export interface ListResult {
  /** Every question the queries returned, by API id; a later query's copy wins. */
  questions: Map<number, RawQuestion>;
  /** Pages requested in this run (not those resumed from progress). */
  pagesFetched: number;
  pagesResumed: number;
  warnings: string[];
}

async function getPage(client: ApiClient, query: ListQuery, skip: number, take: number): Promise<SavedPage> {
  const path = pagePath(query, skip, take);
  const answer = await client.getJson(path);
  const request = `GET ${client.urlOf(path)}`;
  if (answer.status === 404)
    throw new FetchError("unexpected", `${request}: the API answered 404 Not Found; is collection.api.baseUrl right?`);
  return readListPage(request, answer.body);
}

/** Settles every promise, then throws the first failure: answers that did arrive are all saved. */
export async function allSaved<T>(promises: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

async function pageQuery(
  client: ApiClient,
  progress: FetchProgress,
  index: number,
  query: ListQuery,
  take: number,
  counts: { fetched: number; resumed: number },
): Promise<SavedPage[]> {
  const load = async (skip: number): Promise<SavedPage> => {
    const saved = progress.page(index, skip);
    if (saved) {
      counts.resumed++;
      return saved;
    }
    const page = await getPage(client, query, skip, take);
    counts.fetched++;
    await progress.savePage(index, skip, page);
    return page;
  };
  const first = await load(0);
  const skips: number[] = [];
  for (let skip = take; skip < first.totalResults; skip += take) skips.push(skip);
  return [first, ...(await allSaved(skips.map(load)))];
}

export async function fetchLists(
  client: ApiClient,
  progress: FetchProgress,
  queries: ListQuery[],
  take: number,
): Promise<ListResult> {
  const questions = new Map<number, RawQuestion>();
  const warnings: string[] = [];
  const counts = { fetched: 0, resumed: 0 };
  for (const [index, query] of queries.entries()) {
    let found = new Map<number, RawQuestion>();
    for (let pass = 0; pass < 2; pass++) {
      const pages = await pageQuery(client, progress, index, query, take, counts);
      found = new Map(pages.flatMap((page) => page.questions.map((question) => [question.id, question] as const)));
      const expected = Math.max(...pages.map((page) => page.totalResults));
      if (found.size >= expected) break;
      const short = `${query.label}: the API reported ${expected} question(s) but its pages held ${found.size}`;
      if (pass === 1) {
        warnings.push(`${short}, twice; kept what they held`);
        break;
      }
      // Results moved while paging (or a page came back short): ask for every page again.
      await progress.forgetQuery(index);
    }
    for (const [id, question] of found) questions.set(id, question);
  }
  return { questions, pagesFetched: counts.fetched, pagesResumed: counts.resumed, warnings };
}
