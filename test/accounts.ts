// Signed-in members for tests: a person with a role in the workspace (made if
// the database has none) and the headers their requests carry.
import { randomUUID } from 'node:crypto';
import type { Role } from '../src/accounts/access.ts';
import { createSession, createUser, setMembership } from '../src/accounts/account-store.ts';
import type { Database } from '../src/db/database.ts';
import { createWorkspace, currentWorkspace } from '../src/workspaces/workspace-store.ts';

export interface SignedInHeaders extends Record<string, string> {
  cookie: string;
  'x-csrf-token': string;
}

export async function signInAs(
  database: Database,
  role: Role,
  options: { agencyIds?: string[]; name?: string } = {},
): Promise<SignedInHeaders & { userId: string; csrfToken: string }> {
  let workspace = await currentWorkspace(database.db);
  if (!workspace) {
    workspace = {
      id: 'test',
      name: 'Test workspace',
      defaultLanguage: 'en',
      languages: ['en', 'es'],
    };
    await createWorkspace(database.db, workspace);
  }
  const userId = await createUser(database.db, {
    email: `${role}.${randomUUID()}@test.example`,
    name: options.name ?? `Test ${role}`,
    passwordHash: null,
  });
  await setMembership(database.db, {
    workspaceId: workspace.id,
    userId,
    role,
    agencyIds: options.agencyIds ?? [],
  });
  const session = await createSession(database.db, userId);
  return {
    cookie: `transforma_session=${session.token}`,
    'x-csrf-token': session.csrfToken,
    userId,
    csrfToken: session.csrfToken,
  };
}

/** Only the headers, for app.inject. */
export function headersOf({
  cookie,
  'x-csrf-token': csrf,
}: SignedInHeaders): Record<string, string> {
  return { cookie, 'x-csrf-token': csrf };
}
