/**
 * How sure the retrieval is: confident → answer; two close candidates → ask which one;
 * low → honest fallback.
 */
import type { RetrievalResult, ScoredItem } from './retriever';

export type ConfidenceLevel = 'high' | 'ambiguous' | 'low';

export const THRESHOLDS = {
  /** below: the policy does not cover the question */
  low: 0.3,
  /** below this, close candidates are ambiguous */
  clear: 0.5,
  /** a gap smaller than this between the two best is ambiguous */
  margin: 0.05,
  /** informative words the item does not know: below this coverage the answer is not trusted */
  minCoverage: 0.5,
};

export interface Assessment {
  level: ConfidenceLevel;
  /** candidates with their confidence (score adjusted by coverage), best first */
  ranked: Array<ScoredItem & { confidence: number }>;
}

/** Score adjusted by how much of the question the item covers. */
export function confidenceOf(s: ScoredItem): number {
  return Math.min(1, s.score * (0.5 + 0.5 * s.coverage));
}

export function assess(result: RetrievalResult): Assessment {
  const ranked = result.ranked
    .slice(0, 8)
    .map((s) => ({ ...s, confidence: confidenceOf(s) }))
    .sort((a, b) => (b.confidence > a.confidence ? 1 : b.confidence < a.confidence ? -1 : 0)); // (no heap number per comparison)
  const [top, second] = ranked;
  if (!top || top.confidence < THRESHOLDS.low || top.coverage < THRESHOLDS.minCoverage) return { level: 'low', ranked };
  if (second && top.confidence < THRESHOLDS.clear && top.confidence - second.confidence < THRESHOLDS.margin && second.confidence >= THRESHOLDS.low) {
    return { level: 'ambiguous', ranked };
  }
  return { level: 'high', ranked };
}
