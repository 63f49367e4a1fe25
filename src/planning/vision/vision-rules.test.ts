// The rules a vision's entries meet, as a team writing them would hit them.
import { describe, expect, it } from 'vitest';
import {
  checkGoal,
  checkPrinciple,
  checkPriority,
  checkStatement,
  LINKS_MAX,
} from './vision-rules.ts';

const evidence = {
  subdimensionCodes: new Set(['LEA', 'STR']),
  recommendationCodes: new Set(['LEA-R1']),
  swotEntryIds: new Set<string>(),
};

describe('vision rules', () => {
  it('keeps a statement tidy and refuses one too long', () => {
    expect(checkStatement({ statement: '  A  government   for all ' }).fields).toEqual({
      statement: 'A government for all',
    });
    expect(checkStatement({ statement: 'x'.repeat(2001) }).problems).toEqual([
      { field: 'statement', rule: 'tooLong', values: { max: 2000 } },
    ]);
  });

  it('takes a CEPA principle with strategies of its own only, once per plan', () => {
    expect(
      checkPrinciple({ cepaKey: 'sound-policymaking', strategyNumbers: ['13', '9'] }, new Set())
        .fields,
    ).toEqual({
      cepaKey: 'sound-policymaking',
      title: null,
      description: '',
      strategyNumbers: [9, 13],
    });
    expect(
      checkPrinciple({ cepaKey: 'sound-policymaking', strategyNumbers: [1] }, new Set()).problems,
    ).toEqual([{ field: 'strategyNumbers', rule: 'strategyUnknown' }]);
    expect(
      checkPrinciple({ cepaKey: 'sound-policymaking' }, new Set(['sound-policymaking'])).problems,
    ).toEqual([{ field: 'cepaKey', rule: 'principleTaken' }]);
    expect(checkPrinciple({ cepaKey: 'good-vibes' }, new Set()).problems).toEqual([
      { field: 'cepaKey', rule: 'principleUnknown' },
    ]);
  });

  it('asks a principle of the team’s own for a title and gives it no strategies', () => {
    expect(checkPrinciple({ title: 'Open by default' }, new Set()).fields?.title).toBe(
      'Open by default',
    );
    expect(checkPrinciple({ title: ' ', strategyNumbers: [3] }, new Set()).problems).toEqual([
      { field: 'title', rule: 'missing' },
      { field: 'strategyNumbers', rule: 'strategiesOwn' },
    ]);
  });

  it('links a goal to SDG targets only under goals ticked, and to evidence that exists', () => {
    const goal = checkGoal(
      {
        title: 'Trusted institutions',
        sdgGoals: ['16', '9'],
        sdgTargets: ['16.6', '16.a'],
        subdimensionCodes: ['LEA'],
      },
      evidence,
    );
    expect(goal.fields).toMatchObject({
      sdgGoals: [9, 16],
      sdgTargets: ['16.6', '16.a'],
      subdimensionCodes: ['LEA'],
    });
    expect(
      checkGoal({ title: 'T', sdgGoals: ['9'], sdgTargets: ['16.6'] }, evidence).problems,
    ).toEqual([
      { field: 'sdgTargets', rule: 'targetGoalNotChosen', values: { code: '16.6', goal: 16 } },
    ]);
    expect(
      checkGoal(
        {
          title: '',
          sdgGoals: ['18'],
          sdgTargets: ['16.z'],
          subdimensionCodes: ['XYZ'],
          recommendationCodes: ['R9'],
          swotEntryIds: ['x'],
        },
        evidence,
      ).problems.map((problem) => problem.field),
    ).toEqual([
      'title',
      'sdgGoals',
      'sdgTargets',
      'subdimensionCodes',
      'recommendationCodes',
      'swotEntryIds',
    ]);
    const many = Array.from({ length: LINKS_MAX + 1 }, (_, index) => `C${index}`);
    expect(checkGoal({ title: 'T', subdimensionCodes: many }, evidence).problems[0]).toEqual({
      field: 'subdimensionCodes',
      rule: 'tooMany',
      values: { max: LINKS_MAX },
    });
  });

  it('gives a priority a text and a term, short or long', () => {
    expect(checkPriority({ text: 'Pilot the portal', term: 'short' }).fields).toEqual({
      text: 'Pilot the portal',
      term: 'short',
    });
    expect(checkPriority({ text: '', term: 'medium' }).problems).toEqual([
      { field: 'text', rule: 'missing' },
      { field: 'term', rule: 'termUnknown' },
    ]);
  });
});
