// The workspace the app serves (the first one created), for tests that start
// from the empty template, which has none.
import type { Kysely } from 'kysely';
import type { Schema } from '../../src/platform/db/schema.ts';
import {
  createWorkspace,
  currentWorkspace,
  type Workspace,
} from '../../src/platform/workspaces/workspace-store.ts';

/** A workspace in English and Spanish; a test overrides what it looks at. */
export async function buildWorkspace(
  db: Kysely<Schema>,
  overrides: Partial<Workspace> = {},
): Promise<Workspace> {
  const workspace: Workspace = {
    id: 'test',
    name: 'Test workspace',
    defaultLanguage: 'en',
    languages: ['en', 'es'],
    ...overrides,
  };
  await createWorkspace(db, workspace);
  return workspace;
}

/** The workspace the app serves, built with the defaults if the database has none yet. */
export async function workspaceOf(db: Kysely<Schema>): Promise<Workspace> {
  return (await currentWorkspace(db)) ?? buildWorkspace(db);
}
