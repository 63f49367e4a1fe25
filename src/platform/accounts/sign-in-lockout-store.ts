// The failed sign-ins of each address typed, in the database so that every
// process and every restart applies the same lockout (see sign-in-lockout.ts).
import { type Kysely, sql } from 'kysely';
import { hashSecret } from '../config/secrets.ts';
import type { Schema } from '../db/schema.ts';
import { forgetFailuresBefore, lockedUntilAfter } from './sign-in-lockout.ts';

// The address as findUserByEmail matches it, so "Ana@X" and "ana@x" share one count.
function emailKey(email: string): string {
  return hashSecret(email.trim().toLowerCase());
}

/** Until when signing in with `email` is paused; undefined when it is not. */
export async function signInLockedUntil(
  db: Kysely<Schema>,
  email: string,
  now: Date,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('locked_until')
    .where('email_hash', '=', emailKey(email))
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.locked_until ?? undefined;
}

/**
 * Counts a wrong password for `email` and returns until when signing in with
 * it is now paused, if it is. The count is one atomic upsert, so failures
 * arriving together in several processes are all counted, and a pause only
 * ever grows.
 */
export async function recordFailedSignIn(
  db: Kysely<Schema>,
  email: string,
  now: Date,
): Promise<Date | undefined> {
  const key = emailKey(email);
  const forgetBefore = forgetFailuresBefore(now);
  const { failures } = await db
    .insertInto('sign_in_failures')
    .values({ email_hash: key, failures: 1, last_failed_at: now, locked_until: null })
    .onConflict((conflict) =>
      conflict.column('email_hash').doUpdateSet({
        failures: sql<number>`case when sign_in_failures.last_failed_at < ${forgetBefore} then 1 else sign_in_failures.failures + 1 end`,
        locked_until: sql<Date | null>`case when sign_in_failures.last_failed_at < ${forgetBefore} then null else sign_in_failures.locked_until end`,
        last_failed_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  // Rows nobody has failed with for a day hold nothing that still counts.
  await db.deleteFrom('sign_in_failures').where('last_failed_at', '<', forgetBefore).execute();
  const until = lockedUntilAfter(failures, now);
  if (!until) return undefined;
  const row = await db
    .updateTable('sign_in_failures')
    .set({ locked_until: sql<Date>`greatest(locked_until, ${until})` })
    .where('email_hash', '=', key)
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until ?? until;
}

/** A successful sign-in, or a new password, starts the count again. */
export async function clearFailedSignIns(db: Kysely<Schema>, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email_hash', '=', emailKey(email)).execute();
}
