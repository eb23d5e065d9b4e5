/**
 * `npm run eval:pool`: the pools to grade. For each query of a judged set, the union of the top 10
 * of pqsearch and every peer, shuffled deterministically and written without saying which engine
 * found what, one file per query, each record as it stands (members, body, heading, dates, the
 * question and answer texts). Written under test-artifacts/ (never committed: the real pools
 * hold most of the shared corpora). Records already judged are marked, so a pool topped up after
 * an engine change shows only what is new.
 *
 *   tsx eval/pool.ts [--set real] [--out test-artifacts/pools]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { QuestionRecord } from "../src/schema/record";
import { PROJECT_ROOT } from "./collections";
import { passesFilters } from "./filters";
import { loadSets } from "./harness";
import { SET_NAMES } from "./judged-set";
import { DEPTH } from "./score";

const argument = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? undefined : process.argv[at + 1];
};
const names = argument("--set")
  ? [argument("--set") as string]
  : SET_NAMES.filter((name) => name.endsWith("pooled") || name === "real");
const out = resolve(PROJECT_ROOT, argument("--out") ?? "test-artifacts/pools");

/** FNV-1a: a stable seed per query, so a pool's order never hints at any engine's ranking. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed || 1;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const list = [...items];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

const memberLine = (member: { name: string; party?: string | null; memberFrom?: string | null } | null | undefined) =>
  member ? `${member.name} (${[member.party, member.memberFrom].filter(Boolean).join(", ")})` : "—";

function describe(record: QuestionRecord, judged: number | undefined): string {
  const answer = record.answer;
  return [
    `### ${record.id}${judged === undefined ? "" : `  (already graded ${judged})`}`,
    `${record.house} · tabled ${record.dateTabled ?? "—"} · answered ${answer?.dateAnswered ?? "not answered"}`,
    `asked by: ${memberLine(record.askingMember)}`,
    `answered by: ${memberLine(answer?.answeringMember)} for ${record.answeringBody ?? "—"}`,
    `heading: ${record.heading ?? "—"}`,
    `Q: ${record.questionText}`,
    `A: ${answer?.text ?? "—"}`,
  ].join("\n");
}

const { sets, skipped } = await loadSets(names);
for (const { name, reason } of skipped) console.log(`${name}: skipped, ${reason}`);
for (const { name, set, collection, engines } of sets) {
  const byId = new Map(collection.records.map((record) => [record.id, record]));
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const index: Array<{ n: number; q: string; kind: string; filters: unknown; ids: string[] }> = [];
  for (const [n, query] of set.queries.entries()) {
    const pooled = new Set<string>();
    for (const engine of engines)
      for (const id of (await engine.search(query.q, query.filters, DEPTH)).ids) pooled.add(id);
    const ids = shuffled(
      [...pooled].sort(),
      hash(`${name}\u0000${query.q}\u0000${JSON.stringify(query.filters ?? {})}`),
    );
    const judgements = new Map(Object.entries(query.judgements));
    const header = [
      `# ${name} #${n}: ${query.q}`,
      `kind: ${query.kind}${query.filters ? ` · filters: ${JSON.stringify(query.filters)}` : ""}`,
      `${ids.length} records pooled, ${ids.filter((id) => !judgements.has(id)).length} not yet graded`,
    ].join("\n");
    const body = ids.map((id) => {
      const record = byId.get(id) as QuestionRecord;
      const passes = passesFilters(record, query.filters) ? "" : "\n(FAILS THE FILTERS: grade 0)";
      return describe(record, judgements.get(id)) + passes;
    });
    writeFileSync(join(dir, `${String(n).padStart(3, "0")}.txt`), `${header}\n\n${body.join("\n\n")}\n`);
    index.push({ n, q: query.q, kind: query.kind, filters: query.filters, ids });
  }
  writeFileSync(
    join(dir, "index.json"),
    `${JSON.stringify({ set: name, engines: engines.map((e) => e.name), depth: DEPTH, index }, null, 1)}\n`,
  );
  const sizes = index.map((entry) => entry.ids.length);
  console.log(
    `${name}: ${index.length} pools in ${dir}, ${sizes.reduce((a, b) => a + b, 0)} records (${Math.min(...sizes)}–${Math.max(...sizes)} a query), from ${engines.map((e) => e.name).join(", ")}`,
  );
}
