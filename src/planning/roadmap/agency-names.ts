// The workspace's agencies by name, as the roadmap's pages name lead and partner agencies.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';

/** Every agency of the workspace with its acronym, by name. */
export function listAgencyNames(db: Kysely<Schema>, workspaceId: string) {
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'acronym'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
}
