import { describe, expect, it } from 'vitest';
import { checkRound, editProblem, isIsoDate, nextStatus } from './round-rules.ts';

const dates = { closesOn: '2026-12-31', today: '2026-12-02' };

describe('a round’s status', () => {
  it('moves from draft to open to closed', () => {
    expect(nextStatus('draft', 'open', dates)).toEqual({ ok: true, status: 'open' });
    expect(nextStatus('open', 'close', dates)).toEqual({ ok: true, status: 'closed' });
  });

  it('does not open a round whose closing date has passed', () => {
    expect(nextStatus('draft', 'open', { closesOn: '2026-12-01', today: '2026-12-02' })).toEqual({
      ok: false,
      problem: { field: 'status', rule: 'closingDatePassed' },
    });
    // The closing day itself still takes answers.
    expect(nextStatus('draft', 'open', { closesOn: '2026-12-02', today: '2026-12-02' }).ok).toBe(
      true,
    );
  });

  it.each([
    ['draft', 'close', 'closeDraft'],
    ['open', 'open', 'alreadyOpen'],
    ['closed', 'open', 'closedForGood'],
    ['closed', 'close', 'alreadyClosed'],
  ] as const)('refuses to %s → %s with %s', (status, action, rule) => {
    expect(nextStatus(status, action, dates)).toEqual({
      ok: false,
      problem: { field: 'status', rule },
    });
  });

  it('lets only a draft be edited', () => {
    expect(editProblem('draft')).toBeUndefined();
    expect(editProblem('open')?.rule).toBe('notDraft');
    expect(editProblem('closed')?.rule).toBe('notDraft');
  });
});

describe('checking a round', () => {
  const workspace = { frameworkIds: new Set(['dgca-1']), agencyIds: ['a', 'b', 'c'] };
  const good = {
    name: ' 2025  self-assessment ',
    frameworkId: 'dgca-1',
    agencies: ['b', 'a', 'b'],
    opensOn: '2025-03-01',
    closesOn: '2025-03-31',
  };

  it('accepts a complete round, with each chosen agency once', () => {
    expect(checkRound(good, workspace)).toEqual({
      problems: [],
      fields: {
        name: '2025 self-assessment',
        frameworkId: 'dgca-1',
        agencyIds: ['b', 'a'],
        opensOn: '2025-03-01',
        closesOn: '2025-03-31',
      },
    });
  });

  it('takes every agency of the workspace for "all"', () => {
    expect(checkRound({ ...good, agencies: 'all' }, workspace).fields?.agencyIds).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('names every problem: name, framework, agencies and dates', () => {
    expect(
      checkRound(
        { name: '', frameworkId: 'other', agencies: [], opensOn: '2025-02-30', closesOn: '' },
        workspace,
      ).problems,
    ).toEqual([
      { field: 'name', rule: 'nameMissing' },
      { field: 'frameworkId', rule: 'frameworkUnknown' },
      { field: 'agencies', rule: 'agenciesMissing' },
      { field: 'opensOn', rule: 'dateInvalid' },
      { field: 'closesOn', rule: 'dateMissing' },
    ]);
  });

  it('refuses a closing date before the opening date and an agency of no one', () => {
    expect(
      checkRound({ ...good, agencies: ['zzz'], closesOn: '2025-02-28' }, workspace).problems,
    ).toEqual([
      { field: 'agencies', rule: 'agencyUnknown' },
      { field: 'closesOn', rule: 'closesBeforeOpens' },
    ]);
    expect(
      checkRound({ ...good, agencies: 'all' }, { ...workspace, agencyIds: [] }).problems,
    ).toEqual([{ field: 'agencies', rule: 'agenciesMissing' }]);
  });

  it('knows a real date from a look-alike', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
  });
});
