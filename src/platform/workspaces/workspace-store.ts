// Workspaces: one country, region, city or programme. The app serves the first
// workspace created; several workspaces per installation come with accounts.
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export interface Workspace {
  id: string;
  name: string;
  defaultLanguage: string;
  languages: string[];
}

// A workspace is never changed nor removed once created, and later ones sort
// after it, so once a database has a current workspace it keeps it: each
// database's is read once. None found is not kept (set-up creates it later).
const found = new WeakMap<Kysely<Schema>, Workspace>();

export async function currentWorkspace(db: Kysely<Schema>): Promise<Workspace | undefined> {
  const known = found.get(db);
  if (known) return known;
  const workspace = await readCurrentWorkspace(db);
  if (workspace) found.set(db, workspace);
  return workspace;
}

async function readCurrentWorkspace(db: Kysely<Schema>): Promise<Workspace | undefined> {
  const row = await db
    .selectFrom('workspaces')
    .select(['id', 'name', 'default_language', 'languages'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      defaultLanguage: row.default_language,
      languages: row.languages,
    }
  );
}

export async function createWorkspace(db: Kysely<Schema>, workspace: Workspace): Promise<void> {
  await db
    .insertInto('workspaces')
    .values({
      id: workspace.id,
      name: workspace.name,
      default_language: workspace.defaultLanguage,
      languages: workspace.languages,
    })
    .execute();
}

export async function requireWorkspace(db: Kysely<Schema>): Promise<Workspace> {
  const workspace = await currentWorkspace(db);
  if (!workspace) throw new AppError('not_found', 'This installation has no workspace yet');
  return workspace;
}
