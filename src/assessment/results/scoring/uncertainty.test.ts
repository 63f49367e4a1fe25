import { describe, expect, it } from 'vitest';
import { clearDifference, intervalOf, levelsSpanned } from './uncertainty.ts';

const levels = [
  { key: 'initial', name: { en: 'Initial' }, minScore: 1 },
  { key: 'developing', name: { en: 'Developing' }, minScore: 1.8 },
  { key: 'defined', name: { en: 'Defined' }, minScore: 2.6 },
];

describe('uncertainty of a score', () => {
  it('gives a 95% interval of 1.96 standard errors either side', () => {
    const interval = intervalOf({ value: 2, standardError: 0.1 });
    expect(interval?.low).toBeCloseTo(1.804, 10);
    expect(interval?.high).toBeCloseTo(2.196, 10);
    expect(intervalOf({ value: 2, standardError: undefined })).toBeUndefined();
  });

  it('says a score is between two levels when its interval spans a boundary', () => {
    expect(levelsSpanned({ value: 2.55, standardError: 0.1 }, levels)).toMatchObject({
      low: { key: 'developing' },
      high: { key: 'defined' },
    });
    expect(levelsSpanned({ value: 2.2, standardError: 0.1 }, levels)).toBeUndefined();
    // Below the scale's first level the interval still starts in it.
    expect(levelsSpanned({ value: 1.1, standardError: 0.1 }, levels)).toBeUndefined();
  });

  it('calls a difference clear only when larger than the errors of both scores', () => {
    // 1.96 × √(0.1² + 0.1²) ≈ 0.277
    expect(clearDifference(0.3, 0.1, 0.1)).toBe(true);
    expect(clearDifference(-0.25, 0.1, 0.1)).toBe(false);
    expect(clearDifference(0.3, 0.1, undefined)).toBeUndefined();
  });
});
