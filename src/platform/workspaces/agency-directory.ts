// The agencies of a workspace by name: what members' pages, rounds and every
// later step choose agencies from, without depending on the agencies pages.
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** What the rules need to know of every agency: its name, acronym and parent. */
export interface AgencyRef {
  id: string;
  name: string;
  acronym: string | null;
  parentId: string | null;
}

export async function listAgencyRefs(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<AgencyRef[]> {
  return db
    .selectFrom('agencies')
    .where('workspace_id', '=', workspaceId)
    .select(['id', 'name', 'acronym', 'parent_id as parentId'])
    .orderBy('name')
    .execute();
}
