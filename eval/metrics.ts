/**
 * Ranking metrics over graded judgements. Grades are 0–3 in the pooled sets (3 = exactly what was
 * asked, 2 = about it, 1 = mentions it) and 0–2 in the older sets; unjudged records count as 0.
 */

export type Judgements = ReadonlyMap<string, number>;

const gradeOf = (judgements: Judgements, id: string) => judgements.get(id) ?? 0;

/** NDCG@k with gain 2^grade − 1, so each grade is worth about twice the one below it. */
export function ndcgAt(k: number, ranked: readonly string[], judgements: Judgements): number {
  const dcg = (grades: number[]) => grades.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(
    [...judgements.values()]
      .filter((grade) => grade > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 1;
  return dcg(ranked.slice(0, k).map((id) => gradeOf(judgements, id))) / ideal;
}

/** The highest grade any record has for this query (0 when none is relevant). */
export const bestGrade = (judgements: Judgements): number => Math.max(0, ...judgements.values());

/** 1-based rank of the first record judged at the highest grade present; null when not ranked. */
export function rankOfBest(ranked: readonly string[], judgements: Judgements): number | null {
  const best = bestGrade(judgements);
  if (best === 0) return null;
  const index = ranked.findIndex((id) => gradeOf(judgements, id) === best);
  return index < 0 ? null : index + 1;
}

/** Reciprocal rank of the first record judged at the highest grade present. */
export function reciprocalRankOfBest(ranked: readonly string[], judgements: Judgements): number {
  const rank = rankOfBest(ranked, judgements);
  return rank === null ? 0 : 1 / rank;
}

/** Share of the top k that is relevant, counting a record relevant at `minGrade` or above. */
export function precisionAt(k: number, ranked: readonly string[], judgements: Judgements, minGrade = 2): number {
  return ranked.slice(0, k).filter((id) => gradeOf(judgements, id) >= minGrade).length / k;
}

export function recallAt(k: number, ranked: readonly string[], judgements: Judgements): number {
  const relevant = [...judgements.values()].filter((grade) => grade > 0).length;
  if (relevant === 0) return 1;
  return ranked.slice(0, k).filter((id) => gradeOf(judgements, id) > 0).length / relevant;
}
