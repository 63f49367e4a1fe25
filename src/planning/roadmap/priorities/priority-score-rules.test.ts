import { describe, expect, it } from 'vitest';
import { defaultCriteria } from './prioritisation.ts';
import { checkScoreSheet, criterionMeans } from './priority-score-rules.ts';

describe('a member’s score sheet', () => {
  it('keeps the criteria scored from 1 to 5 and leaves the rest unscored', () => {
    const { sheet, problems } = checkScoreSheet(
      { public_value: '5', trust: 3, cost: '', capacity: null },
      defaultCriteria,
    );
    expect(problems).toEqual([]);
    expect([...(sheet ?? [])]).toEqual([
      ['public_value', 5],
      ['trust', 3],
    ]);
  });

  it('refuses scores off the scale and criteria the workspace has not, naming each', () => {
    const { sheet, problems } = checkScoreSheet(
      { public_value: '6', trust: 0, cost: '2.5', beauty: 4 },
      defaultCriteria,
    );
    expect(sheet).toBeUndefined();
    expect(problems).toEqual([
      { field: 'public_value', rule: 'scoreInvalid' },
      { field: 'trust', rule: 'scoreInvalid' },
      { field: 'cost', rule: 'scoreInvalid' },
      { field: 'beauty', rule: 'criterionUnknown' },
    ]);
  });
});

describe('means by criterion', () => {
  it('averages each criterion over the members who scored it', () => {
    const means = criterionMeans(defaultCriteria.slice(0, 2), [
      new Map([['public_value', 4]]),
      new Map([
        ['public_value', 2],
        ['left_behind', 5],
      ]),
    ]);
    expect(means).toEqual([
      { key: 'public_value', mean: 3, scorers: 2 },
      { key: 'left_behind', mean: 5, scorers: 1 },
    ]);
    expect(criterionMeans(defaultCriteria.slice(0, 1), [])).toEqual([
      { key: 'public_value', mean: undefined, scorers: 0 },
    ]);
  });
});
