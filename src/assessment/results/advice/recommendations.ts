// Prescriptive results: for each sub-dimension below its target, the
// recommendations of the framework that apply at its level, ranked by how much
// closing its gap would lift the overall score (docs/scoring.md, Recommendations).
// Where a workshop agreed a consensus on the sub-dimension, the consensus is
// what counts: the self-assessment is shown beside it.
import type { Framework, MaturityLevel, Recommendation } from '../../frameworks/index.ts';
import type { ScoreTree, SubdimensionScore } from '../scoring/scoring.ts';
import { gapTo, type Target } from './targets.ts';

export interface WeakSubdimension {
  dimensionCode: string;
  subdimensionCode: string;
  /** The score the gap is measured from: the consensus where there is one, else the self-assessment. */
  score: number;
  level: MaturityLevel;
  basis: 'consensus' | 'self-assessment';
  /** The self-assessed score, shown beside a consensus. */
  selfAssessed: number | undefined;
  target: Target;
  gap: number;
  /** The sub-dimension's share of the overall score: 1 / (dimensions × its dimension's sub-dimensions). */
  weight: number;
  /** gap × weight: how much the overall score would rise if it reached its target. */
  priority: number;
  /** Those of its recommendations that apply at its level, in the framework's order. */
  recommendations: Recommendation[];
}

function subdimensionsOf(tree: ScoreTree | undefined): Map<string, SubdimensionScore> {
  const found = new Map<string, SubdimensionScore>();
  for (const dimension of tree?.dimensions ?? [])
    for (const subdimension of dimension.subdimensions)
      found.set(subdimension.subdimensionCode, subdimension);
  return found;
}

/**
 * The sub-dimensions of `tree` below their targets, highest priority first
 * (ties in the framework's order). A sub-dimension without a score — none
 * given, or withheld by small-number protection — prompts nothing.
 */
export function weakSubdimensions(
  framework: Framework,
  tree: ScoreTree | undefined,
  consensus: ScoreTree | undefined,
  targets: ReadonlyMap<string, Target>,
): WeakSubdimension[] {
  const selfAssessed = subdimensionsOf(tree);
  const agreed = subdimensionsOf(consensus);
  const weak: WeakSubdimension[] = [];
  for (const dimension of framework.dimensions) {
    const weight = 1 / (framework.dimensions.length * dimension.subdimensions.length);
    for (const subdimension of dimension.subdimensions) {
      const own = selfAssessed.get(subdimension.code);
      const consensusScore = agreed.get(subdimension.code);
      const basis = consensusScore?.value !== undefined ? consensusScore : own;
      const target = targets.get(subdimension.code);
      const gap = gapTo(basis?.value, target);
      if (!basis?.level || basis.value === undefined || !target || !gap) continue;
      const level = basis.level;
      weak.push({
        dimensionCode: dimension.code,
        subdimensionCode: subdimension.code,
        score: basis.value,
        level,
        basis: basis === own ? 'self-assessment' : 'consensus',
        selfAssessed: own?.value,
        target,
        gap,
        weight,
        priority: gap * weight,
        recommendations: (subdimension.recommendations ?? []).filter((recommendation) =>
          recommendation.levels.includes(level.key),
        ),
      });
    }
  }
  // Array.prototype.sort is stable: equal priorities keep the framework's order.
  return weak.sort((a, b) => b.priority - a.priority);
}

/** A recommendation of the framework by its code, with the sub-dimension that holds it. */
export function findRecommendation(
  framework: Framework,
  code: string,
): { recommendation: Recommendation; subdimensionCode: string } | undefined {
  for (const dimension of framework.dimensions)
    for (const subdimension of dimension.subdimensions)
      for (const recommendation of subdimension.recommendations ?? [])
        if (recommendation.code === code)
          return { recommendation, subdimensionCode: subdimension.code };
  return undefined;
}
