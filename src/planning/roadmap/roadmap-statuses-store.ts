// A workspace's status list as stored, or the default list when it has none.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { defaultStatuses, type InitiativeStatus } from './roadmap-statuses.ts';

export async function listStatuses(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<readonly InitiativeStatus[]> {
  const rows = await db
    .selectFrom('initiative_statuses')
    .select(['key', 'label', 'kind', 'default_progress'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return defaultStatuses;
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    kind: row.kind,
    defaultProgress: row.default_progress,
  }));
}
