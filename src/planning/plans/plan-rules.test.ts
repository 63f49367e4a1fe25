import { describe, expect, it } from 'vitest';
import { checkPlanFields, mayMoveTo } from './plan-rules.ts';

const rounds = new Set(['round-2023', 'round-2025']);

describe('a plan’s fields', () => {
  it('accept a title, a period of years running forward and baseline rounds of the workspace', () => {
    expect(
      checkPlanFields(
        {
          title: '  Digital   Sumwhere 2026–2030 ',
          startsYear: '2026',
          endsYear: 2030,
          baselineRoundIds: ['round-2025', 'round-2025'],
        },
        rounds,
      ),
    ).toEqual({
      fields: {
        title: 'Digital Sumwhere 2026–2030',
        startsYear: 2026,
        endsYear: 2030,
        baselineRoundIds: ['round-2025'],
      },
      problems: [],
    });
  });

  it('report every problem at once, each naming its field', () => {
    const { fields, problems } = checkPlanFields(
      { title: ' ', startsYear: '26', endsYear: '2030', baselineRoundIds: ['elsewhere'] },
      rounds,
    );
    expect(fields).toBeUndefined();
    expect(problems.map((p) => `${p.field}: ${p.rule}`)).toEqual([
      'title: titleMissing',
      'startsYear: yearInvalid',
      'baselineRoundIds: roundUnknown',
    ]);
  });

  it('refuse a period that ends before it starts, or spans more than twenty years', () => {
    const rule = (startsYear: number, endsYear: number) =>
      checkPlanFields({ title: 'P', startsYear, endsYear }, rounds).problems.map((p) => p.rule);
    expect(rule(2030, 2026)).toEqual(['endsBeforeStart']);
    expect(rule(2026, 2047)).toEqual(['periodTooLong']);
    expect(rule(2026, 2046)).toEqual([]);
    expect(rule(2026, 2026)).toEqual([]);
  });
});

describe('a plan’s status', () => {
  it('moves forward one step at a time: draft, adopted, closed', () => {
    expect(mayMoveTo('draft', 'adopted')).toBe(true);
    expect(mayMoveTo('adopted', 'closed')).toBe(true);
    expect(mayMoveTo('draft', 'closed')).toBe(false);
    expect(mayMoveTo('adopted', 'draft')).toBe(false);
    expect(mayMoveTo('closed', 'closed')).toBe(false);
  });
});
