// Password reset by emailed link: a one-time secret valid for an hour, stored
// only as its hash (account_tokens, purpose password_reset). Using it sets the
// new password, spends every reset link of the account and ends its sessions.
import type { Kysely } from 'kysely';
import { hashSecret, newSecret } from '../config/secrets.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { Messages } from '../i18n/messages.ts';
import type { MailMessage } from '../mail/mail-message.ts';
import { deliverRecorded, type MailSetup, recordForDelivery } from '../mail/mailer.ts';
import { deleteSessionsOfUser, findUserByEmail, setPassword } from './account-store.ts';
import { hashPassword } from './passwords.ts';
import { clearFailedSignIns } from './sign-in-lockout-store.ts';

export const RESET_LINK_MINUTES = 60;
/** How long a link an admin hands on to a new member works: handing it on takes longer than a reset. */
export const HANDED_LINK_DAYS = 7;

/**
 * A link for one account to choose a password, for an admin to hand on
 * where no mail server can send it; the caller shows it once. Only the
 * token's hash is stored.
 */
export async function createHandedPasswordLink(
  db: Kysely<Schema>,
  options: { userId: string; publicUrl: string },
): Promise<string> {
  const token = await insertResetToken(db, options.userId, HANDED_LINK_DAYS * 24 * 60);
  return `${options.publicUrl}/reset-password/${token}`;
}

/** A new one-time token for `userId` to choose a password, valid `minutes`; only its hash is stored. */
async function insertResetToken(db: Kysely<Schema>, userId: string, minutes: number) {
  const token = newSecret();
  await db
    .insertInto('account_tokens')
    .values({
      token_hash: hashSecret(token),
      purpose: 'password_reset',
      user_id: userId,
      expires_at: new Date(Date.now() + minutes * 60 * 1000),
    })
    .execute();
  return token;
}

export function passwordResetMessage(
  messages: Messages,
  to: string,
  link: { url: string; token: string },
): MailMessage {
  const { t, language } = messages;
  return {
    kind: 'password_reset',
    to,
    language,
    subject: t('passwordResetMail.subject'),
    text: [
      t('passwordResetMail.greeting'),
      t('passwordResetMail.why'),
      link.url,
      t('passwordResetMail.expiry', { minutes: RESET_LINK_MINUTES }),
      t('passwordResetMail.notYou'),
    ].join('\n\n'),
    secrets: [link.token],
  };
}

/**
 * Sends a reset link when the address has an account, and does nothing
 * otherwise. The caller answers the same either way, and runs this after its
 * answer has gone, so the time taken does not tell an account from none.
 */
export async function requestPasswordReset(options: {
  database: Database;
  mail: MailSetup;
  email: string;
  messages: Messages;
}): Promise<void> {
  const { database, mail } = options;
  const user = await findUserByEmail(database.db, options.email);
  if (!user) return;
  const recorded = await database.db.transaction().execute(async (tx) => {
    const token = await insertResetToken(tx, user.id, RESET_LINK_MINUTES);
    const message = passwordResetMessage(options.messages, user.email, {
      url: `${mail.publicUrl}/reset-password/${token}`,
      token,
    });
    return recordForDelivery(tx, mail.mailer, message, { workspaceId: null });
  });
  await deliverRecorded(database.db, mail.mailer, [recorded]);
}

function usableToken(db: Kysely<Schema>, token: string) {
  return db
    .selectFrom('account_tokens')
    .where('token_hash', '=', hashSecret(token))
    .where('purpose', '=', 'password_reset')
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date());
}

export async function isResetLinkUsable(db: Kysely<Schema>, token: string): Promise<boolean> {
  return (await usableToken(db, token).select('token_hash').executeTakeFirst()) !== undefined;
}

/**
 * Sets the new password with the link, once: spending the link and setting the
 * password are one transaction, so two submissions race and one loses. Every
 * other reset link of the account is spent too, and all its sessions end.
 */
export async function resetPassword(
  database: Database,
  token: string,
  password: string,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return database.db.transaction().execute(async (tx) => {
    const spent = await tx
      .updateTable('account_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', hashSecret(token))
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning('user_id')
      .executeTakeFirst();
    if (!spent?.user_id) return false;
    await setPassword(tx, spent.user_id, passwordHash);
    // Whoever holds the link may sign in at once, even after a lockout.
    const { email } = await tx
      .selectFrom('users')
      .select('email')
      .where('id', '=', spent.user_id)
      .executeTakeFirstOrThrow();
    await clearFailedSignIns(tx, email);
    await tx
      .updateTable('account_tokens')
      .set({ used_at: new Date() })
      .where('user_id', '=', spent.user_id)
      .where('purpose', '=', 'password_reset')
      .where('used_at', 'is', null)
      .execute();
    await deleteSessionsOfUser(tx, spent.user_id);
    return true;
  });
}
