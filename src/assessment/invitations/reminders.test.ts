import { describe, expect, it } from 'vitest';
import { MAX_SCHEDULED_REMINDERS, SCHEDULED_EVERY_DAYS } from '../rounds/round-rules.ts';
import { isReminderDue, type ReminderFacts } from './reminders.ts';

const now = new Date('2026-03-20T09:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);
const waiting: ReminderFacts = {
  revoked: false,
  submitted: false,
  roundOpen: true,
  invitedAt: daysAgo(8),
  lastRemindedAt: null,
  remindersSent: 0,
};

describe('when a respondent is reminded', () => {
  it('reminds on the schedule a week after the invitation, then a week after each reminder', () => {
    expect(isReminderDue(waiting, 'scheduled', now)).toBe(true);
    expect(isReminderDue({ ...waiting, invitedAt: daysAgo(6) }, 'scheduled', now)).toBe(false);
    const remindedRecently = { ...waiting, lastRemindedAt: daysAgo(2), remindersSent: 1 };
    expect(isReminderDue(remindedRecently, 'scheduled', now)).toBe(false);
    const remindedLongAgo = { ...waiting, lastRemindedAt: daysAgo(SCHEDULED_EVERY_DAYS + 1) };
    expect(isReminderDue({ ...remindedLongAgo, remindersSent: 1 }, 'scheduled', now)).toBe(true);
  });

  it('stops the schedule after three reminders, but a lead may still remind on demand', () => {
    const often = {
      ...waiting,
      lastRemindedAt: daysAgo(10),
      remindersSent: MAX_SCHEDULED_REMINDERS,
    };
    expect(isReminderDue(often, 'scheduled', now)).toBe(false);
    expect(isReminderDue(often, 'on_demand', now)).toBe(true);
  });

  it('reminds on demand anyone not contacted in the last 20 hours, so a double click sends one', () => {
    expect(isReminderDue({ ...waiting, invitedAt: daysAgo(1) }, 'on_demand', now)).toBe(true);
    expect(isReminderDue({ ...waiting, lastRemindedAt: daysAgo(0.5) }, 'on_demand', now)).toBe(
      false,
    );
  });

  it('never reminds someone who submitted, whose link was revoked, or whose round is not open', () => {
    expect(isReminderDue({ ...waiting, submitted: true }, 'on_demand', now)).toBe(false);
    expect(isReminderDue({ ...waiting, revoked: true }, 'on_demand', now)).toBe(false);
    expect(isReminderDue({ ...waiting, roundOpen: false }, 'scheduled', now)).toBe(false);
  });
});
