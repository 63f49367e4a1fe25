import { describe, expect, it } from 'vitest';
import { initiativeOverdue, milestoneOverdue, stepOverdue } from './overdue.ts';
import { milestoneTally } from './roadmap-summary.ts';

const today = '2027-06-15';

describe('what is overdue', () => {
  it('flags an open initiative past its end date, not on its last day', () => {
    expect(initiativeOverdue({ endsOn: '2027-06-14', statusKind: 'active' }, today)).toBe(true);
    expect(initiativeOverdue({ endsOn: '2027-06-14', statusKind: 'proposed' }, today)).toBe(true);
    expect(initiativeOverdue({ endsOn: today, statusKind: 'active' }, today)).toBe(false);
    expect(initiativeOverdue({ endsOn: null, statusKind: 'active' }, today)).toBe(false);
  });

  it('never flags completed or cancelled initiatives, nor the work under them', () => {
    for (const kind of ['completed', 'cancelled'] as const) {
      expect(initiativeOverdue({ endsOn: '2020-01-01', statusKind: kind }, today)).toBe(false);
      expect(milestoneOverdue({ dueOn: '2020-01-01', reachedOn: null }, kind, today)).toBe(false);
      expect(stepOverdue({ dueOn: '2020-01-01', status: 'blocked' }, kind, today)).toBe(false);
    }
  });

  it('flags milestones not reached by their date, and steps not done by theirs', () => {
    expect(milestoneOverdue({ dueOn: '2027-01-01', reachedOn: null }, 'active', today)).toBe(true);
    expect(
      milestoneOverdue({ dueOn: '2027-01-01', reachedOn: '2027-02-01' }, 'active', today),
    ).toBe(false);
    expect(stepOverdue({ dueOn: '2027-01-01', status: 'in_progress' }, 'active', today)).toBe(true);
    expect(stepOverdue({ dueOn: '2027-01-01', status: 'done' }, 'active', today)).toBe(false);
    expect(stepOverdue({ dueOn: null, status: 'blocked' }, 'active', today)).toBe(false);
  });
});

describe('milestones at a glance', () => {
  it('counts the reached and the overdue, never those under closed work', () => {
    const kinds: Record<string, 'active' | 'cancelled'> = { open: 'active', dropped: 'cancelled' };
    const tally = milestoneTally(
      [
        { initiativeId: 'open', dueOn: '2027-01-01', reachedOn: '2026-12-20' },
        { initiativeId: 'open', dueOn: '2027-02-01', reachedOn: null },
        { initiativeId: 'open', dueOn: '2027-09-01', reachedOn: null },
        { initiativeId: 'dropped', dueOn: '2027-01-01', reachedOn: null },
      ],
      (id) => kinds[id] ?? 'active',
      today,
    );
    expect(tally).toEqual({ total: 4, reached: 1, overdue: 1 });
  });
});
