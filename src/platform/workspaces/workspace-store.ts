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

export async function currentWorkspace(db: Kysely<Schema>): Promise<Workspace | undefined> {
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
