import { describe, expect, it } from 'vitest';
import type { Scale } from '../frameworks/framework-schema.ts';
import {
  type AnswerCount,
  DIVERGENT_SPREAD_SHARE_OF_RANGE,
  divergenceThreshold,
  isDivergent,
  itemStatistics,
} from './item-statistics.ts';

const label = (text: string) => ({ en: text });
const likert: Scale = {
  key: 'agreement',
  type: 'likert',
  min: 1,
  max: 5,
  labels: [1, 2, 3, 4, 5].map((value) => ({ value, label: label(String(value)) })),
  notApplicable: true,
};
const stages: Scale = {
  key: 'stage',
  type: 'stages',
  stages: ['a', 'b', 'c', 'd'].map((key, index) => ({ value: index + 1, key, label: label(key) })),
  notApplicable: false,
};

/** Answer counts from a list of answers, "na" for not applicable. */
function answered(...answers: (number | 'na')[]): AnswerCount[] {
  return answers.map((answer) =>
    answer === 'na'
      ? { value: null, notApplicable: true, count: 1 }
      : { value: answer, notApplicable: false, count: 1 },
  );
}

describe('item statistics', () => {
  it('leaves "not applicable" out of the mean and spread but counts it', () => {
    const statistics = itemStatistics(likert, answered(2, 4, 'na', 'na', 3));
    expect(statistics).toMatchObject({ answers: 3, notApplicable: 2, mean: 3 });
    expect(statistics.standardDeviation).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(statistics.counts).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 1 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
      { value: 5, count: 0 },
    ]);
  });

  it('uses the population standard deviation, 0 for a single answer', () => {
    expect(itemStatistics(likert, answered(1, 5)).standardDeviation).toBe(2);
    expect(itemStatistics(likert, answered(4)).standardDeviation).toBe(0);
  });

  it('adds up grouped counts as the database returns them', () => {
    const statistics = itemStatistics(likert, [
      { value: 5, notApplicable: false, count: 3 },
      { value: 1, notApplicable: false, count: 1 },
      { value: null, notApplicable: true, count: 7 },
    ]);
    expect(statistics).toMatchObject({ answers: 4, notApplicable: 7, mean: 4 });
    expect(statistics.standardDeviation).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('has no mean or spread for an item nobody answered, and does not call it divergent', () => {
    expect(itemStatistics(likert, [])).toMatchObject({
      answers: 0,
      notApplicable: 0,
      mean: null,
      standardDeviation: null,
      divergent: false,
    });
    expect(itemStatistics(likert, answered('na', 'na'))).toMatchObject({
      answers: 0,
      notApplicable: 2,
      mean: null,
      divergent: false,
    });
  });

  it('ignores values that are not on the scale', () => {
    expect(itemStatistics(likert, answered(0, 9, 3))).toMatchObject({ answers: 1, mean: 3 });
  });
});

describe('divergence', () => {
  it('is a quarter of the scale’s range: 1.0 on a 1–5 scale, 0.75 on four stages', () => {
    expect(DIVERGENT_SPREAD_SHARE_OF_RANGE).toBe(0.25);
    expect(divergenceThreshold(likert)).toBe(1);
    expect(divergenceThreshold(stages)).toBe(0.75);
  });

  it('flags a spread exactly at the threshold and not one just below it', () => {
    // 2 and 4: mean 3, every answer 1 away, so the deviation is exactly 1.0.
    expect(itemStatistics(likert, answered(2, 4)).divergent).toBe(true);
    // 2, 4 and 3: deviation √(2/3) ≈ 0.82.
    expect(itemStatistics(likert, answered(2, 4, 3)).divergent).toBe(false);
    expect(isDivergent(0.999, likert)).toBe(false);
    expect(isDivergent(1, likert)).toBe(true);
    expect(isDivergent(null, likert)).toBe(false);
  });

  it('judges a stage scale against its own range', () => {
    // 1, 1, 2, 2 on four stages: deviation 0.5, below 0.75.
    expect(itemStatistics(stages, answered(1, 1, 2, 2)).divergent).toBe(false);
    // 1, 1, 3, 3: deviation 1.0, above 0.75.
    expect(itemStatistics(stages, answered(1, 1, 3, 3)).divergent).toBe(true);
    expect(isDivergent(0.75, stages)).toBe(true);
    expect(isDivergent(0.7499, stages)).toBe(false);
  });

  it('does not flag agreement however many answered', () => {
    expect(itemStatistics(likert, answered(4, 4, 4, 4, 4, 'na')).divergent).toBe(false);
  });
});
