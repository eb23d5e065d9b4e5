/**
 * `npm run eval`: scores search relevance on the judged query sets in eval/judged/ and prints
 * NDCG@10, MRR and recall@10 per set, then a per-query table (worst first) showing where it fails.
 *
 *   tsx eval/run.ts [--all]   (--all lists every query, not only the imperfect ones)
 */
import { engineFor, evaluateSet, loadJudgedSet, type SetOutcome } from "./evaluate";

const SETS = ["seed", "second"] as const;
const showAll = process.argv.includes("--all");

function printSet(set: SetOutcome): void {
  console.log(
    `\n## ${set.name}: ${set.outcomes.length} queries — NDCG@10 ${set.ndcg.toFixed(3)} · MRR ${set.mrr.toFixed(3)} · recall@10 ${set.recall.toFixed(3)} · best answer outside top 3: ${set.bestOutsideTop3}`,
  );
  const rows = [...set.outcomes].sort((a, b) => a.ndcg - b.ndcg);
  console.log("\n| query | kind | NDCG@10 | RR | recall@10 | best at |\n|---|---|---|---|---|---|");
  for (const outcome of rows) {
    if (!showAll && outcome.ndcg > 0.9999 && outcome.recall > 0.9999) continue;
    const filters = outcome.query.filters ? ` ${JSON.stringify(outcome.query.filters)}` : "";
    console.log(
      `| \`${outcome.query.q}\`${filters} | ${outcome.query.kind} | ${outcome.ndcg.toFixed(3)} | ${outcome.reciprocalRank.toFixed(2)} | ${outcome.recall.toFixed(2)} | ${outcome.bestRank ?? "—"} |`,
    );
  }
  if (!showAll) console.log("(queries scoring 1.000 on every measure are left out; --all lists them)");
}

const results: SetOutcome[] = [];
for (const name of SETS) {
  const set = loadJudgedSet(name);
  results.push(await evaluateSet(name, set, await engineFor(set)));
}
for (const result of results) printSet(result);
