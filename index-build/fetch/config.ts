/**
 * What a collection is: the `collection` section of `pqsearch.config.json`, read by `npm run fetch`.
 * Each source is one query to the written-questions API, re-run every time, and fills one seed
 * file of its own. The query's fields are the API's own parameter names, as its OpenAPI
 * description gives them (see api-query.ts for where that was read); everything else has a default
 * so a campaigner writes only what defines their collection.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { IsoDate } from "../../src/schema/primitives";
import { BuildError } from "../errors";
import { CONFIG_FILE } from "../limits";
import { type JsonDocument, readJsonDocument } from "../stages/json-document";
import { formatJsonPath } from "../stages/json-positions";
import { describeFound, valueAt } from "../stages/validate";
import { FetchError } from "./fetch-error";

const id = z.int({ error: "expected an id (a whole number)" }).positive("expected an id greater than 0");
const ids = z.array(id, { error: "expected a list of ids, e.g. [17, 11]" }).min(1, "expected at least one id");

/** The API parameters that define a collection. */
export const CollectionQuery = z
  .strictObject({
    /** Questions or answers containing these words (the API searches the item's content). */
    searchTerm: z.string({ error: "expected the words to search for" }).trim().min(1, "expected some words").optional(),
    house: z
      .enum(["Bicameral", "Commons", "Lords"], { error: 'expected "Bicameral", "Commons" or "Lords"' })
      .default("Bicameral"),
    /** Answering bodies (departments) by the API's `answeringBodyId`. */
    answeringBodies: ids.optional(),
    askingMemberId: id.optional(),
    answeringMemberId: id.optional(),
    /** Questions relating to any of these members (asking or answering). */
    members: ids.optional(),
    tabledWhenFrom: z.optional(IsoDate),
    tabledWhenTo: z.optional(IsoDate),
    /** Withdrawn questions stay in the collection, flagged, so a withdrawal shows as a change. */
    includeWithdrawn: z.boolean({ error: "expected true or false" }).default(true),
  })
  .superRefine((query, ctx) => {
    const narrowed =
      query.searchTerm ??
      query.answeringBodies ??
      query.askingMemberId ??
      query.answeringMemberId ??
      query.members ??
      query.tabledWhenFrom;
    if (narrowed === undefined)
      ctx.addIssue({
        code: "custom",
        path: [],
        message:
          "expected at least one of searchTerm, answeringBodies, askingMemberId, answeringMemberId, members or tabledWhenFrom (without one the collection would be every written question ever tabled)",
      });
    if (query.tabledWhenFrom && query.tabledWhenTo && query.tabledWhenFrom > query.tabledWhenTo)
      ctx.addIssue({ code: "custom", path: ["tabledWhenTo"], message: "expected a date on or after tabledWhenFrom" });
  });
export type CollectionQuery = z.output<typeof CollectionQuery>;

export const CollectionSource = z.strictObject({
  /** Names the seed file (`seeds/parliament-<name>.json`) and the source in messages. */
  name: z
    .string({ error: "expected a name" })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "expected lower-case letters, digits and hyphens, e.g. long-covid"),
  /** Shown on the site instead of the sentence made from the query. */
  description: z.string({ error: "expected a sentence" }).trim().min(1, "expected a sentence").optional(),
  query: CollectionQuery,
});
export type CollectionSource = z.output<typeof CollectionSource>;

const seconds = (fallback: number, most: number) =>
  z
    .number({ error: "expected a number of seconds" })
    .positive("expected more than 0 seconds")
    .max(most, `expected at most ${most} seconds`)
    .default(fallback);

/** How politely and how persistently the fetch talks to the API. */
export const ApiSettings = z.strictObject({
  baseUrl: z
    .url({ protocol: /^https?$/, error: "expected an http or https URL" })
    .default("https://questions-statements-api.parliament.uk"),
  /** `take`: questions a list request asks for. */
  pageSize: z.int({ error: "expected a whole number" }).min(1).max(1000, "expected at most 1000").default(100),
  /** Requests in flight at once. */
  concurrency: z.int({ error: "expected a whole number" }).min(1).max(8, "expected at most 8").default(4),
  /** Most requests one run may send, retries included; a run that reaches it stops and resumes next time. */
  requestBudget: z.int({ error: "expected a whole number" }).min(1).default(5000),
  timeoutSeconds: seconds(30, 300),
  /** Retries of one request after a 429, a 5xx, a timeout or a dropped connection. */
  retries: z.int({ error: "expected a whole number" }).min(0).max(10, "expected at most 10").default(5),
  /** The first wait before a retry; each later wait doubles, with jitter. */
  retryBaseSeconds: seconds(1, 60),
  /** The longest the fetch waits before one retry, Retry-After included. */
  maxRetryWaitSeconds: seconds(120, 3600),
});
export type ApiSettings = z.output<typeof ApiSettings>;

export const CollectionConfig = z
  .strictObject({
    sources: z.array(CollectionSource, { error: "expected a list of sources" }).min(1, "expected at least one source"),
    api: ApiSettings.default(ApiSettings.parse({})),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((source, index) => {
      if (seen.has(source.name))
        ctx.addIssue({
          code: "custom",
          path: ["sources", index, "name"],
          message: "expected a name no other source has",
        });
      seen.add(source.name);
    });
  });
export type CollectionConfig = z.output<typeof CollectionConfig>;

/** The seed file a source fills, relative to the project root. */
export function seedFileOf(source: CollectionSource): string {
  return `seeds/parliament-${source.name}.json`;
}

function explain(issue: z.core.$ZodIssue, root: unknown): string {
  const path = formatJsonPath(["collection", ...issue.path]);
  if (issue.code === "unrecognized_keys")
    return `${path}: unexpected key(s) ${issue.keys.map((key) => JSON.stringify(key)).join(", ")} (see README, "Keeping the collection up to date", for the keys)`;
  const message = issue.message.replace(/^Invalid input: /, "");
  return `${path}: ${message}, found ${describeFound(valueAt(root, issue.path))}`;
}

/** The collection defined in `pqsearch.config.json`, or a FetchError naming the file, line and key. */
export function readCollectionConfig(projectRoot: string): CollectionConfig {
  const path = join(projectRoot, CONFIG_FILE);
  const setUp = `add a "collection" section to ${CONFIG_FILE} (see README, "Keeping the collection up to date")`;
  if (!existsSync(path)) throw new FetchError("config", `${CONFIG_FILE}: not found; ${setUp}`);
  let document: JsonDocument;
  try {
    document = readJsonDocument(readFileSync(path, "utf8"), CONFIG_FILE, { landmarks: false });
  } catch (error) {
    if (error instanceof BuildError) throw new FetchError("config", error.message);
    throw error;
  }
  const [problem] = document.problems;
  if (problem) throw new FetchError("config", problem.message);
  const parsed = document.value;
  const section =
    parsed !== null && typeof parsed === "object" ? (parsed as { collection?: unknown }).collection : undefined;
  if (section === undefined) throw new FetchError("config", `${CONFIG_FILE}: no "collection" section; ${setUp}`);
  const result = CollectionConfig.safeParse(section);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    // An unexpected key is shown on its own line, not on the line of the object holding it.
    const key = issue.code === "unrecognized_keys" ? issue.keys.slice(0, 1) : [];
    return `${CONFIG_FILE}:${document.lineOf(["collection", ...issue.path, ...key])}: ${explain(issue, section)}`;
  });
  throw new FetchError("config", lines.join("\n"));
}
