import { describe, expect, it } from 'vitest';
import {
  type Criterion,
  type Priority,
  priorityOf,
  quadrantOf,
  rankByPriority,
  sheetScore,
} from './prioritisation.ts';

const criteria: Criterion[] = [
  { key: 'benefit', axis: 'value', label: 'Benefit', weight: 3 },
  { key: 'inclusion', axis: 'value', label: 'Inclusion', weight: 1 },
  { key: 'cost', axis: 'feasibility', label: 'Cost', weight: 1 },
];
const sheet = (scores: Record<string, number>) => new Map(Object.entries(scores));

describe('prioritisation', () => {
  it('weights one member’s criteria: benefit 5 (×3) and inclusion 1 (×1) give a value of 4', () => {
    expect(sheetScore(criteria, sheet({ benefit: 5, inclusion: 1 }), 'value')).toBe(4);
    expect(sheetScore(criteria, sheet({ benefit: 5 }), 'feasibility')).toBeUndefined();
  });

  it('takes the mean over members and shows how far apart they are', () => {
    const priority = priorityOf(criteria, [
      sheet({ benefit: 5, inclusion: 5, cost: 2 }),
      sheet({ benefit: 3, inclusion: 3, cost: 4 }),
    ]);
    expect(priority.value).toEqual({ mean: 4, min: 3, max: 5, deviation: 1, scorers: 2 });
    expect(priority.feasibility).toEqual({ mean: 3, min: 2, max: 4, deviation: 1, scorers: 2 });
    expect(priority.quadrant).toBe('do_first');
  });

  it('counts for each axis only the members who scored it', () => {
    const priority = priorityOf(criteria, [sheet({ benefit: 2 }), sheet({ cost: 5 })]);
    expect(priority.value?.scorers).toBe(1);
    expect(priority.feasibility?.scorers).toBe(1);
    expect(priority.quadrant).toBe('quick_wins');
  });

  it('places the matrix’s quadrants on the midpoint of the scale', () => {
    expect(quadrantOf(3, 3)).toBe('do_first');
    expect(quadrantOf(4.5, 2.9)).toBe('plan_carefully');
    expect(quadrantOf(2.9, 5)).toBe('quick_wins');
    expect(quadrantOf(1, 1)).toBe('reconsider');
  });

  it('ranks by value × feasibility, then value, then title; unscored last', () => {
    const scored = (value: number, feasibility: number): Priority => ({
      value: { mean: value, min: value, max: value, deviation: 0, scorers: 1 },
      feasibility: {
        mean: feasibility,
        min: feasibility,
        max: feasibility,
        deviation: 0,
        scorers: 1,
      },
      quadrant: quadrantOf(value, feasibility),
    });
    const unscored: Priority = { value: undefined, feasibility: undefined, quadrant: undefined };
    const ranked = rankByPriority([
      { title: 'Unscored', priority: unscored },
      { title: 'Easy', priority: scored(2, 5) },
      { title: 'Valuable', priority: scored(5, 2) },
      { title: 'Best', priority: scored(4, 4) },
      { title: 'Also unscored', priority: unscored },
    ]);
    expect(ranked.map((item) => item.title)).toEqual([
      'Best',
      'Valuable',
      'Easy',
      'Also unscored',
      'Unscored',
    ]);
  });
});
