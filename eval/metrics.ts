/** Ranking metrics over graded judgements (2 = about it, 1 = mentions it, absent = not relevant). */

export type Judgements = ReadonlyMap<string, number>;

/** NDCG@k with gain 2^grade − 1, so an "about it" answer is worth three "mentions it". */
export function ndcgAt(k: number, ranked: readonly string[], judgements: Judgements): number {
  const dcg = (grades: number[]) => grades.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(
    [...judgements.values()]
      .filter((grade) => grade > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 1;
  return dcg(ranked.slice(0, k).map((id) => judgements.get(id) ?? 0)) / ideal;
}

/** Reciprocal rank of the first record judged at the highest grade present. */
export function reciprocalRankOfBest(ranked: readonly string[], judgements: Judgements): number {
  const best = Math.max(0, ...judgements.values());
  const rank = ranked.findIndex((id) => (judgements.get(id) ?? 0) === best && best > 0);
  return rank < 0 ? 0 : 1 / (rank + 1);
}

export function recallAt(k: number, ranked: readonly string[], judgements: Judgements): number {
  const relevant = [...judgements.values()].filter((grade) => grade > 0).length;
  if (relevant === 0) return 1;
  return ranked.slice(0, k).filter((id) => (judgements.get(id) ?? 0) > 0).length / relevant;
}
