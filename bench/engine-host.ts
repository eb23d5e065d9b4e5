/**
 * An engine host: one engine in a process of its own, timed when the bench asks (engine-hosts.ts).
 * Engines timed in one process slow each other through the heap they share: with MiniSearch's
 * index merely loaded, never searched, a pqsearch rare-word search at 10,000 records took 34–49 µs
 * against 15 µs without it (the collector marks and scavenges around the other's millions of
 * objects). A Worker's isolate holds one engine, so each is timed holding only its own.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { CompiledCollection } from "../src/engine";
import type { QuestionRecord } from "../src/schema/record";
import { PQSEARCH_SIDES, type PqsearchSide, sideRequest } from "./engine-request";
import { loadMiniSearch, searchMiniSearch } from "./minisearch";
import { type SnippetHit, searchMiniSearchWithSnippets } from "./minisearch-snippets";
import type { BenchQuery, QueryKind } from "./queries";
import { type RunQuery, timeKind, warmUp, zeroHits } from "./timing";

export type HostInit =
  | { engine: "pqsearch"; moduleFile: string; compiledFile: string; queries: BenchQuery[] }
  | { engine: "minisearch"; indexFile: string; recordsFile: string; queries: BenchQuery[] };

export type HostRequest =
  | { id: number; op: "warm"; side: string }
  | { id: number; op: "zeros" | "time"; side: string; kind: QueryKind };

export type HostReply = { id: number; result: unknown } | { id: number; error: string };

async function sidesOf(init: HostInit): Promise<Record<string, RunQuery>> {
  if (init.engine === "pqsearch") {
    const { openCollection } = (await import(pathToFileURL(init.moduleFile).href)) as typeof import("../src/engine");
    const engine = openCollection(JSON.parse(readFileSync(init.compiledFile, "utf8")) as CompiledCollection);
    const side = (name: PqsearchSide) => async (query: BenchQuery) =>
      (await engine.search(sideRequest(query, name))).total;
    return Object.fromEntries(PQSEARCH_SIDES.map((name) => [name, side(name)]));
  }
  const mini = loadMiniSearch(readFileSync(init.indexFile, "utf8"));
  const records = JSON.parse(readFileSync(init.recordsFile, "utf8")) as QuestionRecord[];
  const byId = new Map(records.map((record) => [record.id, record]));
  const rendered: SnippetHit[] = [];
  return {
    mini: (query) => searchMiniSearch(mini, query),
    miniSnippets: (query) => searchMiniSearchWithSnippets(mini, byId, query, rendered),
  };
}

let sides: Record<string, RunQuery> | null = null;
let queries: BenchQuery[] = [];

process.on("message", (message: HostInit | HostRequest) => {
  if (!("id" in message)) {
    queries = message.queries;
    sidesOf(message).then(
      (made) => {
        sides = made;
        process.send?.({ id: 0, result: Object.keys(made) });
      },
      (error: unknown) => process.send?.({ id: 0, error: String(error) }),
    );
    return;
  }
  const run = sides?.[message.side];
  const reply = (work: Promise<unknown>) =>
    work.then(
      (result) => process.send?.({ id: message.id, result } satisfies HostReply),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) } satisfies HostReply),
    );
  if (!run) return reply(Promise.reject(new Error(`no side ${message.side} in this host`)));
  if (message.op === "warm") return reply(warmUp(run, queries));
  return reply(message.op === "zeros" ? zeroHits(run, queries, message.kind) : timeKind(run, queries, message.kind));
});
