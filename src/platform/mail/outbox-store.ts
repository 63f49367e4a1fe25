// Queries for the outbox: the durable record of every message, its delivery
// status, and the list a programme lead reads.
import type { Kysely } from 'kysely';
import type { MailMessageTable, Schema } from '../db/schema.ts';
import { type MailMessage, maskSecrets } from './mail-message.ts';

export type MailStatus = MailMessageTable['status'];

/** Writes the stored copy of a message (secrets masked) and returns its id. */
export async function recordMessage(
  db: Kysely<Schema>,
  message: MailMessage,
  options: { workspaceId: string | null; invitationId?: string; status: 'pending' | 'held' },
): Promise<string> {
  const row = await db
    .insertInto('mail_messages')
    .values({
      workspace_id: options.workspaceId,
      kind: message.kind,
      invitation_id: options.invitationId ?? null,
      recipient: message.to,
      language: message.language,
      subject: message.subject,
      body: maskSecrets(message.text, message.secrets),
      status: options.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Long enough to say what the server answered, short enough for a table cell.
const ERROR_MAX = 500;

export async function markDelivered(
  db: Kysely<Schema>,
  id: string,
  outcome: { ok: true } | { ok: false; error: string },
): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set(
      outcome.ok
        ? { status: 'sent', sent_at: new Date(), error: null }
        : { status: 'failed', error: outcome.error.slice(0, ERROR_MAX) },
    )
    .where('id', '=', id)
    .execute();
}

export interface OutboxEntry {
  id: string;
  kind: MailMessage['kind'];
  recipient: string;
  language: string;
  subject: string;
  body: string;
  status: MailStatus;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The newest messages first. Password reset messages are left out: they concern one person only. */
export async function listOutbox(
  db: Kysely<Schema>,
  workspaceId: string,
  { limit = 100 }: { limit?: number } = {},
): Promise<OutboxEntry[]> {
  return db
    .selectFrom('mail_messages')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '!=', 'password_reset')
    .select([
      'id',
      'kind',
      'recipient',
      'language',
      'subject',
      'body',
      'status',
      'error',
      'created_at as createdAt',
      'sent_at as sentAt',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}
