// What the self-assessments say about one item: how many chose each value of
// its scale or "not applicable", their mean and spread, and whether they
// diverge enough that the workshop should talk it through. Pure.

import type { Scale } from '../frameworks/index.ts';
import { scaleValues } from '../frameworks/index.ts';

/** How many answers of one kind an item got: a value of its scale, or "not applicable" (value null). */
export interface AnswerCount {
  value: number | null;
  notApplicable: boolean;
  count: number;
}

export interface ItemStatistics {
  /** Answers with a value; "not applicable" is not among them. */
  answers: number;
  notApplicable: number;
  /** One entry per value of the scale, in the scale's order, zeros included. */
  counts: { value: number; count: number }[];
  /** Over the answers with a value; null when there are none. */
  mean: number | null;
  standardDeviation: number | null;
  divergent: boolean;
}

/**
 * Answers diverge when their standard deviation reaches this share of the
 * scale's range: 1.0 on a 1–5 Likert scale (range 4), 0.75 on four stages
 * (range 3). A spread of a quarter of the range means the officers of the
 * group do not describe the same reality; the workshop should ask why before
 * agreeing a value. Relative to the range, so every scale is judged alike.
 */
export const DIVERGENT_SPREAD_SHARE_OF_RANGE = 0.25;

// Means and deviations of small integers come out of floating point a hair
// off; a spread that is exactly at the threshold on paper counts as reaching it.
const ROUNDING_TOLERANCE = 1e-9;

export function scaleRange(scale: Scale): number {
  const values = scaleValues(scale);
  return Math.max(...values) - Math.min(...values);
}

export function divergenceThreshold(scale: Scale): number {
  return DIVERGENT_SPREAD_SHARE_OF_RANGE * scaleRange(scale);
}

export function isDivergent(standardDeviation: number | null, scale: Scale): boolean {
  return (
    standardDeviation !== null &&
    standardDeviation >= divergenceThreshold(scale) - ROUNDING_TOLERANCE
  );
}

/**
 * Statistics of one item from its answer counts. Values outside the scale
 * (which the questionnaire never stores) are left out rather than trusted.
 *
 * The spread is the population standard deviation (dividing by n): it
 * describes the answers the group actually gave, which is what the workshop
 * discusses, rather than estimating officers who did not answer; and it is
 * defined for a single answer (0), where the sample deviation is not.
 */
export function itemStatistics(scale: Scale, answerCounts: readonly AnswerCount[]): ItemStatistics {
  const values = scaleValues(scale);
  const byValue = new Map(values.map((value) => [value, 0]));
  let notApplicable = 0;
  for (const { value, notApplicable: isNotApplicable, count } of answerCounts) {
    if (isNotApplicable) notApplicable += count;
    else if (value !== null && byValue.has(value))
      byValue.set(value, (byValue.get(value) ?? 0) + count);
  }
  const counts = values.map((value) => ({ value, count: byValue.get(value) ?? 0 }));
  const answers = counts.reduce((sum, { count }) => sum + count, 0);
  if (answers === 0) {
    return {
      answers,
      notApplicable,
      counts,
      mean: null,
      standardDeviation: null,
      divergent: false,
    };
  }
  const mean = counts.reduce((sum, { value, count }) => sum + value * count, 0) / answers;
  const variance =
    counts.reduce((sum, { value, count }) => sum + count * (value - mean) ** 2, 0) / answers;
  const standardDeviation = Math.sqrt(variance);
  return {
    answers,
    notApplicable,
    counts,
    mean,
    standardDeviation,
    divergent: isDivergent(standardDeviation, scale),
  };
}

/** The share of an item's answers (values and "not applicable") that chose one option, 0–1. */
export function shareOf(count: number, statistics: ItemStatistics): number {
  const total = statistics.answers + statistics.notApplicable;
  return total === 0 ? 0 : count / total;
}
