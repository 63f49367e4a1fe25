// How sure a score is: its 95% interval from its standard error, whether
// that interval spans a maturity level boundary (then the score is "between"
// two levels rather than in one), and whether a difference between two scores
// is larger than their uncertainty, so that the results only point to gaps
// and changes the answers can bear. Pure; docs/scoring.md, Uncertainty.
import type { MaturityLevel } from '../../frameworks/index.ts';
import { levelOf, type Score } from './scoring.ts';

/** Standard errors either side of the score in a 95% interval (normal approximation). */
export const Z_95 = 1.96;

export interface Interval {
  low: number;
  high: number;
}

export function intervalOf(score: Pick<Score, 'value' | 'standardError'>): Interval | undefined {
  const { value, standardError } = score;
  if (value === undefined || standardError === undefined) return undefined;
  return { low: value - Z_95 * standardError, high: value + Z_95 * standardError };
}

/** The levels at both ends of the interval when they differ: the score is between them. */
export function levelsSpanned(
  score: Pick<Score, 'value' | 'standardError'>,
  levels: readonly MaturityLevel[],
): { low: MaturityLevel; high: MaturityLevel } | undefined {
  const interval = intervalOf(score);
  if (!interval) return undefined;
  // Below the first level's minimum, the interval still starts in the first level.
  const low = levelOf(interval.low, levels) ?? levels[0];
  const high = levelOf(interval.high, levels);
  return low && high && low.key !== high.key ? { low, high } : undefined;
}

/**
 * Whether `difference` between two scores is larger than their uncertainty
 * (the two errors add in squares, as for independent answers); undefined
 * when an error is unknown.
 */
export function clearDifference(
  difference: number,
  ...errors: readonly (number | undefined)[]
): boolean | undefined {
  if (errors.some((error) => error === undefined)) return undefined;
  const combined = Math.sqrt(errors.reduce<number>((sum, error) => sum + (error ?? 0) ** 2, 0));
  return Math.abs(difference) > Z_95 * combined;
}
