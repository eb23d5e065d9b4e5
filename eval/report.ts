/**
 * How `npm run eval` prints its scores: one table per judged set with pqsearch and every peer side
 * by side, overall and per kind; the queries each engine answers with nothing; and, for debugging, a
 * query's ranking per engine with the grade of every ranked record.
 */
import type { QuestionRecord } from "../src/schema/record";
import type { JudgedQuery } from "./judged-set";
import { bestGrade } from "./metrics";
import type { EngineScores, QueryScore, Summary } from "./score";

const f3 = (value: number) => value.toFixed(3);

const cell = (summary: Summary) =>
  `${f3(summary.ndcg)} · ${f3(summary.mrr)} · ${f3(summary.precisionAt5)} · ${summary.top3Misses}`;

export const describeQuery = (query: JudgedQuery) =>
  `\`${query.q}\`${query.filters ? ` ${JSON.stringify(query.filters)}` : ""}`;

/** The side-by-side table for one set: rows are "all" then each kind, columns are engines. */
export function setTable(name: string, heading: string, results: readonly EngineScores[]): string {
  const first = results[0];
  if (!first) return "";
  const lines = [
    `## ${name}: ${first.overall.queries} queries, ${heading}`,
    "",
    "Each cell: NDCG@10 · MRR (first best-graded record) · P@5 (grade ≥ 2 is relevant) · top-3 misses (best-graded record not in the top 3)",
    "",
    `| kind (queries) | ${results.map((result) => result.engine).join(" | ")} |`,
    `|---|${results.map(() => "---").join("|")}|`,
    `| **all (${first.overall.queries})** | ${results.map((result) => `**${cell(result.overall)}**`).join(" | ")} |`,
  ];
  for (const [kind, summary] of first.byKind) {
    const cells = results.map((result) => {
      const of = result.byKind.get(kind);
      return of ? cell(of) : "—";
    });
    lines.push(`| ${kind} (${summary.queries}) | ${cells.join(" | ")} |`);
  }
  lines.push(`| queries with 0 results | ${results.map((result) => result.overall.zeroResults).join(" | ")} |`);
  lines.push(`| unjudged records in top 10 | ${results.map((result) => result.overall.unjudged).join(" | ")} |`);
  return lines.join("\n");
}

/** Per engine, the queries it answers with no results at all. */
export function zeroResultLines(results: readonly EngineScores[]): string {
  const lines = results
    .map((result) => {
      const zero = result.scores.filter((score) => score.total === 0).map((score) => describeQuery(score.query));
      return zero.length ? `- ${result.engine} (${zero.length}): ${zero.join(", ")}` : null;
    })
    .filter((line): line is string => line !== null);
  return lines.length ? `Queries with 0 results:\n${lines.join("\n")}` : "No engine answers any query with 0 results.";
}

/** Every query, worst first for the first engine (pqsearch), with each engine's NDCG@10 and best rank. */
export function perQueryTable(results: readonly EngineScores[]): string {
  const first = results[0];
  if (!first) return "";
  const order = first.scores.map((score, i) => ({ score, i })).sort((a, b) => a.score.ndcg - b.score.ndcg);
  const lines = [
    `| query | kind | ${results.map((result) => `${result.engine} NDCG (best at)`).join(" | ")} |`,
    `|---|---|${results.map(() => "---").join("|")}|`,
  ];
  for (const { score, i } of order) {
    const cells = results.map((result) => {
      const of = result.scores[i] as QueryScore;
      return `${f3(of.ndcg)} (${of.bestRank ?? (of.total === 0 ? "0 hits" : "—")})`;
    });
    lines.push(`| ${describeQuery(score.query)} | ${score.query.kind} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function recordLine(record: QuestionRecord | undefined, id: string): string {
  if (!record) return id;
  const answerer = record.answer?.answeringMember?.name ?? "—";
  return `${id} · ${record.heading ?? "(no heading)"} · ${record.askingMember.name} → ${answerer} · ${clip(record.questionText.replace(/^To ask (the |Her Majesty.s Government)/, ""), 90)}`;
}

/** One query in detail: each engine's top 10 with grades, then best-graded records an engine missed. */
export function queryDetail(
  query: JudgedQuery,
  results: ReadonlyArray<{ engine: string; score: QueryScore }>,
  records: ReadonlyMap<string, QuestionRecord>,
): string {
  const judgements = new Map(Object.entries(query.judgements));
  const best = bestGrade(judgements);
  const lines = [`### ${describeQuery(query)} (${query.kind}); best grade ${best}, ${judgements.size} records graded`];
  for (const { engine, score } of results) {
    lines.push(
      "",
      `${engine}: ${score.total} results · NDCG@10 ${f3(score.ndcg)} · RR ${score.reciprocalRank.toFixed(2)} · P@5 ${f3(score.precisionAt5)} · best at ${score.bestRank ?? "—"}`,
    );
    score.ranked.forEach((id, i) => {
      const grade = judgements.get(id);
      lines.push(`  ${String(i + 1).padStart(2)}. [${grade ?? "?"}] ${recordLine(records.get(id), id)}`);
    });
    const missed = [...judgements].filter(([id, grade]) => grade === best && !score.ranked.includes(id));
    if (missed.length) {
      lines.push(`  best-graded not in its top 10 (${missed.length}):`);
      for (const [id] of missed.slice(0, 5)) lines.push(`      [${best}] ${recordLine(records.get(id), id)}`);
    }
  }
  return lines.join("\n");
}
