// Targets: the maturity level a workspace aims for on each dimension and
// sub-dimension of a framework, and a score's gap to it (docs/scoring.md,
// Targets). A node without a target of its own aims one level above where the
// whole of government stands today; a sub-dimension without one takes its
// dimension's, so "Leadership: Managed by 2028" speaks for its sub-dimensions.
import type { Framework, MaturityLevel } from '../../frameworks/index.ts';
import { levelOf, type ScoreTree } from '../scoring/scoring.ts';

const LEVEL_TOLERANCE = 1e-9;

/** A target as a workspace set it. */
export interface SetTarget {
  nodeCode: string;
  levelKey: string;
  /** ISO date by which it should be reached, if the workspace gave one. */
  dueOn: string | null;
}

export type TargetSource = 'set' | 'dimension' | 'default';

export interface Target {
  level: MaturityLevel;
  dueOn: string | null;
  /** Set for this node, taken from its dimension, or one level above today's. */
  source: TargetSource;
}

/** The level after `level`; the highest level is its own next. */
export function nextLevel(
  level: MaturityLevel,
  levels: readonly MaturityLevel[],
): MaturityLevel | undefined {
  const index = levels.findIndex((candidate) => candidate.key === level.key);
  return index < 0 ? undefined : (levels[Math.min(index + 1, levels.length - 1)] ?? level);
}

/**
 * Every dimension's and sub-dimension's target, by code. `today` is the whole
 * of government's tree as the reader may see it: where its score is withheld
 * or missing, a node has no default target (a target set still applies).
 */
export function resolveTargets(
  framework: Framework,
  set: readonly SetTarget[],
  today: ScoreTree | undefined,
): Map<string, Target> {
  const levels = framework.maturityLevels;
  const byKey = new Map(levels.map((level) => [level.key, level]));
  const setFor = new Map<string, Target>();
  for (const target of set) {
    const level = byKey.get(target.levelKey);
    // A level dropped by a later framework version no longer names anything.
    if (level) setFor.set(target.nodeCode, { level, dueOn: target.dueOn, source: 'set' });
  }
  const defaultFor = (value: number | undefined): Target | undefined => {
    const current = levelOf(value, levels);
    const level = current && nextLevel(current, levels);
    return level ? { level, dueOn: null, source: 'default' } : undefined;
  };
  const targets = new Map<string, Target>();
  for (const dimension of framework.dimensions) {
    const scored = today?.dimensions.find((node) => node.dimensionCode === dimension.code);
    const dimensionTarget = setFor.get(dimension.code) ?? defaultFor(scored?.value);
    if (dimensionTarget) targets.set(dimension.code, dimensionTarget);
    const dimensionSet = setFor.get(dimension.code);
    for (const subdimension of dimension.subdimensions) {
      const score = scored?.subdimensions.find(
        (node) => node.subdimensionCode === subdimension.code,
      );
      const target =
        setFor.get(subdimension.code) ??
        (dimensionSet && { ...dimensionSet, source: 'dimension' as const }) ??
        defaultFor(score?.value);
      if (target) targets.set(subdimension.code, target);
    }
  }
  return targets;
}

/**
 * How far a score is below its target: the target level's lowest score less
 * the score, 0 once it is reached; undefined without a score or a target.
 */
export function gapTo(value: number | undefined, target: Target | undefined): number | undefined {
  if (value === undefined || !target) return undefined;
  const gap = target.level.minScore - value;
  // A score on the level's boundary has reached it, as levelOf decides.
  return gap <= LEVEL_TOLERANCE ? 0 : gap;
}
