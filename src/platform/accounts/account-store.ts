// Queries for people, their membership of a workspace and their sessions.
import { type Kysely, sql } from 'kysely';
import { hashSecret, newSecret } from '../config/secrets.ts';
import type { Schema } from '../db/schema.ts';
import type { Member, Role } from './access.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
}

export async function createUser(
  db: Kysely<Schema>,
  user: { email: string; name: string; passwordHash: string | null; id?: string },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      ...(user.id ? { id: user.id } : {}),
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findUserByEmail(
  db: Kysely<Schema>,
  email: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash };
}

export async function setPassword(
  db: Kysely<Schema>,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}

export async function setMembership(
  db: Kysely<Schema>,
  membership: { workspaceId: string; userId: string; role: Role; agencyIds?: readonly string[] },
): Promise<void> {
  const { workspaceId, userId, role, agencyIds = [] } = membership;
  const write = async (tx: Kysely<Schema>) => {
    await tx
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: userId, role })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
      .execute();
    await tx
      .deleteFrom('membership_agencies')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
    if (role === 'focal_point' && agencyIds.length > 0) {
      await tx
        .insertInto('membership_agencies')
        .values(
          agencyIds.map((agencyId) => ({
            workspace_id: workspaceId,
            user_id: userId,
            agency_id: agencyId,
          })),
        )
        .execute();
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

export async function countMembers(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

// Sessions last a working day; signing in again starts a new one.
const SESSION_HOURS = 12;

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Kysely<Schema>, userId: string): Promise<Session> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600 * 1000);
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface SignedIn {
  member: Member | undefined;
  userId: string;
  /** Empty for a request made with an API token, which needs none (it is not a cookie). */
  csrfToken: string;
  /** The API token the request was made with, acting for the member who made it. */
  apiToken?: { id: string; name: string };
}

/** The person behind a session cookie, and their membership of the workspace. */
export async function findSignedIn(
  db: Kysely<Schema>,
  token: string,
  workspaceId: string | undefined,
): Promise<SignedIn | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'users.id')
        .on('memberships.workspace_id', '=', workspaceId ?? ''),
    )
    .where('sessions.id_hash', '=', hashSecret(token))
    .where('sessions.expires_at', '>', new Date())
    .select([
      'users.id as userId',
      'users.email',
      'users.name',
      'sessions.csrf_token as csrfToken',
      'memberships.role',
      (eb) =>
        eb
          .selectFrom('membership_agencies')
          .whereRef('membership_agencies.user_id', '=', 'users.id')
          .where('membership_agencies.workspace_id', '=', workspaceId ?? '')
          .select(sql<string[]>`coalesce(array_agg(agency_id::text), '{}')`.as('ids'))
          .as('agencyIds'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const member: Member | undefined = row.role
    ? {
        userId: row.userId,
        email: row.email,
        name: row.name,
        role: row.role,
        agencyIds: row.agencyIds ?? [],
      }
    : undefined;
  return { member, userId: row.userId, csrfToken: row.csrfToken };
}

export async function deleteSession(db: Kysely<Schema>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(token)).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Schema>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
