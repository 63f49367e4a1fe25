// When a respondent who has not submitted is reminded. The rule is pure; the
// store applies it in one atomic claim, so that several app processes running
// the schedule at once remind each respondent once.
import { AppError } from '../../platform/errors.ts';
import { MAX_SCHEDULED_REMINDERS, SCHEDULED_EVERY_DAYS } from '../rounds/index.ts';
import type { RoundStatus } from './invitation-link.ts';

/** Reminders go out on a schedule (the hourly job) or on demand (a lead's button). */
export type ReminderOccasion = 'scheduled' | 'on_demand';

// A lead pressing the button twice, or two leads pressing it, send one reminder.
export const ON_DEMAND_QUIET_HOURS = 20;

const HOUR = 3600 * 1000;

export interface ReminderWindow {
  /** Only those last contacted (invited or reminded) before this moment. */
  lastContactBefore: Date;
  /** Only those reminded fewer times than this; undefined: no limit. */
  remindersBelow: number | undefined;
}

export function reminderWindow(occasion: ReminderOccasion, now: Date): ReminderWindow {
  return occasion === 'scheduled'
    ? {
        lastContactBefore: new Date(now.getTime() - SCHEDULED_EVERY_DAYS * 24 * HOUR),
        remindersBelow: MAX_SCHEDULED_REMINDERS,
      }
    : {
        lastContactBefore: new Date(now.getTime() - ON_DEMAND_QUIET_HOURS * HOUR),
        remindersBelow: undefined,
      };
}

export interface ReminderFacts {
  revoked: boolean;
  submitted: boolean;
  /** Whether the round takes answers today (see invitation-link.ts). */
  roundOpen: boolean;
  invitedAt: Date;
  lastRemindedAt: Date | null;
  remindersSent: number;
}

/** Whether a respondent is due a reminder on this occasion: the rule the store's claim applies. */
export function isReminderDue(
  facts: ReminderFacts,
  occasion: ReminderOccasion,
  now: Date,
): boolean {
  if (facts.revoked || facts.submitted || !facts.roundOpen) return false;
  const window = reminderWindow(occasion, now);
  const lastContact = facts.lastRemindedAt ?? facts.invitedAt;
  if (lastContact >= window.lastContactBefore) return false;
  return window.remindersBelow === undefined || facts.remindersSent < window.remindersBelow;
}

/**
 * Reminders go only to respondents of an open round: a closed round takes
 * no more answers, and a draft's links do not open yet.
 */
export function requireRemindable(status: RoundStatus): void {
  if (status !== 'open')
    throw new AppError('conflict', 'Only the respondents of an open round can be reminded', [
      { path: 'params.id', message: 'is not an open round' },
    ]);
}
