// Reminding respondents who have not submitted, on demand or on the schedule:
// claim those due (atomically, see claimDueReminders), record each reminder in
// the outbox and the audit log in the same transaction, then deliver.
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoToday } from '../../platform/iso-day.ts';
import {
  deliverRecorded,
  type Mailer,
  type RecordedMessage,
  recordForDelivery,
} from '../../platform/mail/mailer.ts';
import { reminderMessage } from './invitation-mail.ts';
import { type ReminderOccasion, reminderWindow } from './reminders.ts';
import { claimDueReminders } from './round-invitations-store.ts';

export async function sendReminders(options: {
  database: Database;
  mailer: Mailer;
  occasion: ReminderOccasion;
  actor: AuditEntry['actor'];
  /** Limits the reminders to one round and, within it, to some agencies. */
  roundId?: string;
  agencyIds?: readonly string[];
  now?: Date;
}): Promise<{ reminded: number }> {
  const { database, mailer, occasion } = options;
  let reminded = 0;
  // Batch after batch until nobody due is left; each batch is its own transaction.
  for (;;) {
    const now = options.now ?? new Date();
    const recorded: RecordedMessage[] = await database.db.transaction().execute(async (tx) => {
      const claimed = await claimDueReminders(tx, {
        occasion,
        window: reminderWindow(occasion, now),
        today: isoToday(now),
        now,
        ...(options.roundId ? { roundId: options.roundId } : {}),
        ...(options.agencyIds ? { agencyIds: options.agencyIds } : {}),
      });
      const messages: RecordedMessage[] = [];
      for (const reminder of claimed) {
        await recordAudit(tx, {
          workspaceId: reminder.workspaceId,
          actor: options.actor,
          action: 'invitation.reminded',
          entityType: 'invitation',
          entityId: reminder.invitationId,
          details: { email: reminder.email, occasion, roundId: reminder.roundId },
        });
        messages.push(
          await recordForDelivery(tx, mailer, reminderMessage(reminder, reminder), {
            workspaceId: reminder.workspaceId,
            invitationId: reminder.invitationId,
          }),
        );
      }
      return messages;
    });
    if (recorded.length === 0) return { reminded };
    reminded += recorded.length;
    await deliverRecorded(database.db, mailer, recorded);
  }
}
