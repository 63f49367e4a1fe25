// The first admin of a new installation: from the environment when given,
// otherwise through a one-time setup link printed at start.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-store.ts';
import { hashSecret, newSecret } from '../config/secrets.ts';
import type { Schema } from '../db/schema.ts';
import { createUser, findUserByEmail, setMembership, setPassword } from './account-store.ts';
import { hashPassword } from './passwords.ts';

const SETUP_LINK_HOURS = 24;

export type FirstAdminOutcome =
  | { kind: 'exists' }
  | { kind: 'created'; email: string }
  | { kind: 'setup-link'; url: string };

export async function hasAdmin(db: Kysely<Schema>, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function ensureFirstAdmin(
  db: Kysely<Schema>,
  workspaceId: string,
  options: {
    firstAdmin: { email: string; password: string; name: string } | undefined;
    publicUrl: string;
  },
): Promise<FirstAdminOutcome> {
  if (await hasAdmin(db, workspaceId)) return { kind: 'exists' };
  if (options.firstAdmin) {
    await createAdmin(db, workspaceId, options.firstAdmin, { system: 'first start' });
    return { kind: 'created', email: options.firstAdmin.email };
  }
  const token = newSecret();
  await db
    .insertInto('account_tokens')
    .values({
      token_hash: hashSecret(token),
      purpose: 'setup',
      user_id: null,
      expires_at: new Date(Date.now() + SETUP_LINK_HOURS * 3600 * 1000),
    })
    .execute();
  return { kind: 'setup-link', url: `${options.publicUrl}/setup/${token}` };
}

export async function createAdmin(
  db: Kysely<Schema>,
  workspaceId: string,
  admin: { email: string; password: string; name: string },
  actor: { system: string },
): Promise<string> {
  const passwordHash = await hashPassword(admin.password);
  return db.transaction().execute(async (tx) => {
    const existing = await findUserByEmail(tx, admin.email);
    const userId =
      existing?.id ??
      (await createUser(tx, { email: admin.email, name: admin.name, passwordHash }));
    if (existing) await setPassword(tx, userId, passwordHash);
    await setMembership(tx, { workspaceId, userId, role: 'admin' });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: 'membership.created',
      entityType: 'membership',
      entityId: userId,
      details: { email: admin.email, role: 'admin' },
    });
    return userId;
  });
}

/** Uses a setup link once: true when it was valid and is now spent. */
export async function spendSetupToken(db: Kysely<Schema>, token: string): Promise<boolean> {
  const row = await db
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashSecret(token))
    .where('purpose', '=', 'setup')
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('token_hash')
    .executeTakeFirst();
  return row !== undefined;
}

export async function isSetupTokenValid(db: Kysely<Schema>, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('account_tokens')
    .select('token_hash')
    .where('token_hash', '=', hashSecret(token))
    .where('purpose', '=', 'setup')
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row !== undefined;
}
