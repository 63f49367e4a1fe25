// Queries for the members of a workspace: who they are, their role, the
// agencies of focal points, and taking a membership away.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Role } from './access.ts';

export interface MemberListing {
  userId: string;
  email: string;
  name: string;
  role: Role;
  agencies: { id: string; name: string }[];
  /** False until the person sets a password through a reset link. */
  hasPassword: boolean;
}

export async function listMembers(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<MemberListing[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .where('memberships.workspace_id', '=', workspaceId)
    .select([
      'users.id as userId',
      'users.email',
      'users.name',
      'memberships.role',
      sql<boolean>`users.password_hash is not null`.as('hasPassword'),
    ])
    .orderBy('users.name')
    .orderBy('users.email')
    .execute();
  const covered = await db
    .selectFrom('membership_agencies')
    .innerJoin('agencies', 'agencies.id', 'membership_agencies.agency_id')
    .where('membership_agencies.workspace_id', '=', workspaceId)
    .select(['membership_agencies.user_id as userId', 'agencies.id', 'agencies.name'])
    .orderBy('agencies.name')
    .execute();
  return rows.map((row) => ({
    ...row,
    agencies: covered
      .filter((agency) => agency.userId === row.userId)
      .map(({ id, name }) => ({ id, name })),
  }));
}

/**
 * Takes the workspace's lock on its memberships until the transaction ends, so
 * two admins stepping down at once cannot both pass the last-admin check.
 */
export async function lockMembers(tx: Kysely<Schema>, workspaceId: string): Promise<void> {
  await tx
    .selectFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .select('user_id')
    .forUpdate()
    .execute();
}

export async function deleteMembership(
  db: Kysely<Schema>,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}
