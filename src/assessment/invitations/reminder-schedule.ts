// The scheduled reminders: a job in the app process that sends the reminders
// due every hour. Any number of app processes may run it at once: the claim
// in the store hands each due reminder to one of them.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { startPeriodicJob } from '../../platform/periodic-job.ts';
import { sendReminders } from './send-reminders.ts';

export const REMINDER_SCHEDULE_EVERY_MS = 3600 * 1000;

/** Runs the scheduled reminders once: what the hourly job does. */
export function sendScheduledReminders(database: Database, mailer: Mailer, now?: Date) {
  return sendReminders({
    database,
    mailer,
    occasion: 'scheduled',
    actor: { system: 'reminder schedule' },
    ...(now ? { now } : {}),
  });
}

/** Starts the hourly job (first run a minute after start); returns a function that stops it. */
export function startReminderSchedule(options: {
  database: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  everyMs?: number;
}): () => Promise<void> {
  const { database, mailer, log, everyMs = REMINDER_SCHEDULE_EVERY_MS } = options;
  return startPeriodicJob({
    name: 'scheduled reminders',
    everyMs,
    log,
    run: async () => {
      const { reminded } = await sendScheduledReminders(database, mailer);
      if (reminded > 0) log.info({ reminded }, 'scheduled reminders sent');
    },
  });
}
