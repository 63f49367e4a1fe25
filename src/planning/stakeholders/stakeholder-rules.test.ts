import { describe, expect, it } from 'vitest';
import { checkStakeholder, quadrantOf, suggestedEngagement } from './stakeholder-rules.ts';

const owner = '00000000-0000-4000-8000-000000000001';
const members = new Set([owner]);
const valid = {
  name: '  Association of the Blind  ',
  group: 'vulnerable_groups',
  vulnerableGroup: 'persons_with_disabilities',
  interest: '5',
  influence: '2',
  engagement: 'involve',
  needs: 'Accessible online services',
  ownerId: owner,
};

describe('the interest × influence grid', () => {
  it('puts each stakeholder in its quadrant, the middle of the scale counting as high', () => {
    expect(quadrantOf(5, 5)).toBe('manageClosely');
    expect(quadrantOf(3, 3)).toBe('manageClosely');
    expect(quadrantOf(1, 4)).toBe('keepSatisfied');
    expect(quadrantOf(4, 2)).toBe('keepInformed');
    expect(quadrantOf(2, 2)).toBe('monitor');
  });

  it('suggests an engagement level from the quadrant, empowering only those highest on both', () => {
    expect(suggestedEngagement(5, 5)).toBe('empower');
    expect(suggestedEngagement(4, 5)).toBe('collaborate');
    expect(suggestedEngagement(2, 5)).toBe('consult');
    expect(suggestedEngagement(5, 1)).toBe('involve');
    expect(suggestedEngagement(1, 1)).toBe('inform');
  });
});

describe('a stakeholder', () => {
  it('is kept with its fields tidied', () => {
    expect(checkStakeholder(valid, members)).toEqual({
      fields: {
        name: 'Association of the Blind',
        group: 'vulnerable_groups',
        vulnerableGroup: 'persons_with_disabilities',
        interest: 5,
        influence: 2,
        engagement: 'involve',
        needs: 'Accessible online services',
        ownerId: owner,
      },
      problems: [],
    });
  });

  it('may have no owner', () => {
    expect(checkStakeholder({ ...valid, ownerId: '' }, members).fields?.ownerId).toBeNull();
  });

  it('names every field that is wrong', () => {
    const { fields, problems } = checkStakeholder(
      {
        name: '',
        group: 'aliens',
        interest: '0',
        influence: '6',
        engagement: 'ignore',
        needs: 'x'.repeat(2001),
        ownerId: '00000000-0000-4000-8000-000000000009',
      },
      members,
    );
    expect(fields).toBeUndefined();
    expect(problems.map((problem) => [problem.field, problem.rule])).toEqual([
      ['name', 'nameMissing'],
      ['group', 'groupInvalid'],
      ['interest', 'ratingInvalid'],
      ['influence', 'ratingInvalid'],
      ['engagement', 'engagementInvalid'],
      ['needs', 'tooLong'],
      ['ownerId', 'ownerUnknown'],
    ]);
  });

  it('needs a sub-group when it is a vulnerable group, and none otherwise', () => {
    expect(checkStakeholder({ ...valid, vulnerableGroup: '' }, members).problems).toEqual([
      { field: 'vulnerableGroup', rule: 'vulnerableGroupMissing' },
    ]);
    expect(
      checkStakeholder({ ...valid, group: 'private_sector', vulnerableGroup: 'youth' }, members)
        .problems,
    ).toEqual([{ field: 'vulnerableGroup', rule: 'vulnerableGroupOnly' }]);
  });
});
