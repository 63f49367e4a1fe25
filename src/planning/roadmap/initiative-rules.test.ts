import { describe, expect, it } from 'vitest';
import {
  checkInitiativeFields,
  type InitiativeContext,
  type PlacedInitiative,
  type RawInitiativeFields,
} from './initiative-rules.ts';
import { defaultStatuses } from './roadmap-statuses.ts';

const placed = (
  parentId: string | null,
  level: PlacedInitiative['level'],
  dependsOnIds: string[] = [],
) => ({
  parentId,
  level,
  dependsOnIds,
});

// A programme P holding project A (which holds activity X); project B waits for A.
const context: InitiativeContext = {
  statuses: defaultStatuses,
  memberIds: new Set(['member']),
  agencyIds: new Set(['moh', 'mof']),
  goalIds: new Set(['goal']),
  swotEntryIds: new Set(['weakness']),
  initiatives: new Map([
    ['P', placed(null, 'programme')],
    ['A', placed('P', 'project')],
    ['X', placed('A', 'activity')],
    ['B', placed('P', 'project', ['A'])],
  ]),
};

const valid: RawInitiativeFields = {
  title: '  One   front door for services ',
  level: 'project',
  horizon: 'short',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  status: 'in_progress',
};

const problemsOf = (raw: RawInitiativeFields, selfId?: string) =>
  checkInitiativeFields({ ...valid, ...raw }, context, selfId).problems.map(
    (problem) => `${problem.field}: ${problem.rule}`,
  );

describe('initiative rules', () => {
  it('accepts a plain initiative, tidying its title and filling defaults', () => {
    const { fields, problems } = checkInitiativeFields(valid, context);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      title: 'One front door for services',
      weight: 1,
      isPublic: true,
      progress: null,
      parentId: null,
      budgetAmount: null,
    });
  });

  it('refuses an end before its start, a weight of 0 or less, and progress outside 0–100', () => {
    expect(problemsOf({ startsOn: '2027-05-01', endsOn: '2027-04-30' })).toEqual([
      'endsOn: endsBeforeStart',
    ]);
    expect(problemsOf({ weight: '0' })).toEqual(['weight: weightInvalid']);
    expect(problemsOf({ weight: -2 })).toEqual(['weight: weightInvalid']);
    expect(problemsOf({ progress: '101' })).toEqual(['progress: progressInvalid']);
    expect(problemsOf({ progress: '-1' })).toEqual(['progress: progressInvalid']);
    expect(problemsOf({ progress: 'half' })).toEqual(['progress: progressInvalid']);
  });

  it('refuses dates that are not days, an unknown status, an owner outside the workspace', () => {
    expect(problemsOf({ startsOn: '2027-02-30', endsOn: '31/12/2027' })).toEqual([
      'startsOn: dateInvalid',
      'endsOn: dateInvalid',
    ]);
    expect(problemsOf({ status: 'stalled' })).toEqual(['status: unknown']);
    expect(problemsOf({ ownerId: 'stranger' })).toEqual(['ownerId: notMember']);
    expect(problemsOf({ leadAgencyId: 'elsewhere', partnerAgencyIds: ['nowhere'] })).toEqual([
      'leadAgencyId: unknown',
      'partnerAgencyIds: unknown',
    ]);
  });

  it('keeps a budget whole: an amount needs its currency, a currency its amount', () => {
    expect(problemsOf({ budgetAmount: '250,000' })).toEqual(['budgetCurrency: currencyMissing']);
    expect(problemsOf({ budgetCurrency: 'usd' })).toEqual(['budgetAmount: amountMissing']);
    expect(problemsOf({ budgetAmount: '-5', budgetCurrency: 'DOLLARS' })).toEqual([
      'budgetAmount: amountInvalid',
      'budgetCurrency: currencyInvalid',
    ]);
    const { fields } = checkInitiativeFields(
      { ...valid, budgetAmount: '250,000', budgetCurrency: 'usd' },
      context,
    );
    expect(fields).toMatchObject({ budgetAmount: 250000, budgetCurrency: 'USD' });
  });

  it('puts an initiative only under one of a higher level', () => {
    expect(problemsOf({ parentId: 'P' })).toEqual([]);
    expect(problemsOf({ parentId: 'A' })).toEqual(['parentId: levelNotBelow']);
    expect(problemsOf({ level: 'activity', parentId: 'A' })).toEqual([]);
    expect(problemsOf({ parentId: 'gone' })).toEqual(['parentId: unknown']);
  });

  it('refuses a cycle in the tree: a programme under its own activity', () => {
    expect(problemsOf({ level: 'programme', parentId: 'X' }, 'P')).toContain('parentId: cycle');
    expect(problemsOf({ parentId: 'A' }, 'A')).toContain('parentId: cycle');
  });

  it('refuses a cycle in the dependencies, however long', () => {
    // B waits for A; A waiting for B would close the circle.
    expect(problemsOf({ dependsOnIds: ['B'] }, 'A')).toEqual(['dependsOnIds: cycle']);
    expect(problemsOf({ dependsOnIds: ['A'] }, 'A')).toEqual(['dependsOnIds: cycle']);
    expect(problemsOf({ dependsOnIds: ['A'] }, 'X')).toEqual([]);
    expect(problemsOf({ dependsOnIds: ['missing'] })).toEqual(['dependsOnIds: unknown']);
  });

  it('reports every problem at once', () => {
    expect(
      problemsOf({ title: ' ', horizon: 'someday', weight: '0', goalIds: ['other plan'] }),
    ).toEqual(['title: missing', 'horizon: unknown', 'weight: weightInvalid', 'goalIds: unknown']);
  });
});
