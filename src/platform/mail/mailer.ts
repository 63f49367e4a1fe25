// Delivery: over SMTP when a server is configured, otherwise nowhere (messages
// stay held in the outbox). Every message is recorded before it is delivered,
// and delivery runs after the transaction that recorded it has committed, so a
// slow mail server never holds a database connection.
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/config.ts';
import type { Schema } from '../db/schema.ts';
import { htmlFromText, type MailMessage } from './mail-message.ts';
import { markDelivered, recordMessage } from './outbox-store.ts';

export interface Mailer {
  /** False when messages stay in the outbox for a programme lead to read. */
  readonly delivers: boolean;
  /** Sends one message; throws with the server's reason when it is refused. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** What code that sends messages needs: the mailer, and the address links in messages start with. */
export interface MailSetup {
  mailer: Mailer;
  /** e.g. https://transforma.gov.example, no trailing slash (config.publicUrl). */
  publicUrl: string;
}

/** A mailer that delivers nothing: the outbox is where messages are read. */
export const outboxOnly: Mailer = {
  delivers: false,
  send: async () => {
    throw new Error('No SMTP server is configured');
  },
  close: () => {},
};

// A request that sends mail waits at most this long for the server.
const SMTP_TIMEOUT_MS = 15_000;

export function createMailer(config: MailConfig): Mailer {
  if (!config.smtpUrl) return outboxOnly;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    // One connection kept open and reused: a round's invitations go out as one batch.
    pool: true,
    maxConnections: 2,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    delivers: true,
    async send(message) {
      await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: htmlFromText(message.text, message.language),
        headers: { 'Content-Language': message.language },
      });
    },
    close: () => transport.close(),
  };
}

/** A message recorded in the outbox, waiting for delivery after its transaction commits. */
export interface RecordedMessage {
  id: string;
  message: MailMessage;
}

/** Records a message in the outbox: pending delivery, or held when nothing delivers. */
export async function recordForDelivery(
  db: Kysely<Schema>,
  mailer: Mailer,
  message: MailMessage,
  options: { workspaceId: string | null; invitationId?: string },
): Promise<RecordedMessage> {
  const id = await recordMessage(db, message, {
    ...options,
    status: mailer.delivers ? 'pending' : 'held',
  });
  return { id, message };
}

/**
 * Delivers recorded messages one by one and records each outcome. Returns the
 * ids of those delivered; a refusal is recorded, never thrown, so one bad
 * address does not stop the others.
 */
export async function deliverRecorded(
  db: Kysely<Schema>,
  mailer: Mailer,
  recorded: readonly RecordedMessage[],
): Promise<Set<string>> {
  const delivered = new Set<string>();
  if (!mailer.delivers) return delivered;
  for (const { id, message } of recorded) {
    try {
      await mailer.send(message);
      await markDelivered(db, id, { ok: true });
      delivered.add(id);
    } catch (error) {
      await markDelivered(db, id, {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return delivered;
}
