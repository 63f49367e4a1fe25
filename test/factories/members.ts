// Members of the workspace, one role each: an account (with a password when the
// test signs in through the form) and its membership.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../src/platform/accounts/access.ts';
import { createUser, setMembership } from '../../src/platform/accounts/account-store.ts';
import { hashPassword } from '../../src/platform/accounts/passwords.ts';
import type { Schema } from '../../src/platform/db/schema.ts';
import { workspaceOf } from './workspace.ts';

/** The password of members built with one; long enough for the password rule. */
export const TEST_PASSWORD = 'a test password of some length';

export interface BuiltMember {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * A member named "Test <role>" at an address of their own, with TEST_PASSWORD
 * if `password` is set (to sign in through the form), else without a password.
 */
export async function buildMember(
  db: Kysely<Schema>,
  role: Role,
  options: { email?: string; name?: string; password?: boolean; agencyIds?: string[] } = {},
): Promise<BuiltMember> {
  const workspace = await workspaceOf(db);
  const email = options.email ?? `${role}.${randomUUID()}@test.example`;
  const name = options.name ?? `Test ${role}`;
  const userId = await createUser(db, {
    email,
    name,
    passwordHash: options.password ? await hashPassword(TEST_PASSWORD) : null,
  });
  await setMembership(db, {
    workspaceId: workspace.id,
    userId,
    role,
    agencyIds: options.agencyIds ?? [],
  });
  return { userId, email, name, role };
}
