import type { RankedChunk } from './knowledge-search.repository';

/** The usual constant of reciprocal rank fusion: damps the weight of the very first ranks. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each chunk scores the sum of 1/(k + rank) over the rankings it appears
 * in, so a chunk both rankers like beats one only a single ranker puts first. Scores are not
 * comparable across rankers; ranks are.
 */
export function fuseRanks(rankings: readonly (readonly RankedChunk[])[], topK: number): RankedChunk[] {
  const fused = new Map<string, { chunk: RankedChunk; score: number }>();
  for (const ranking of rankings) {
    ranking.forEach((chunk, index) => {
      const entry = fused.get(chunk.id) ?? { chunk, score: 0 };
      entry.score += 1 / (RRF_K + index + 1);
      fused.set(chunk.id, entry);
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id))
    .slice(0, topK)
    .map(({ chunk, score }) => ({ ...chunk, score }));
}
