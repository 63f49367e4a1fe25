// A workspace's criteria and statuses as stored, and writing either list
// whole. A workspace with no rows uses the defaults; its first write copies
// them, since the list written is the whole list.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import type { InitiativeStatus } from '../roadmap-statuses.ts';
import { type Criterion, defaultCriteria } from './prioritisation.ts';

export async function listCriteria(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<readonly Criterion[]> {
  const rows = await db
    .selectFrom('priority_criteria')
    .select(['key', 'axis', 'label', 'weight'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return defaultCriteria;
  // numeric comes back as text from PostgreSQL.
  return rows.map((row) => ({ ...row, weight: Number(row.weight) }));
}

/**
 * Holds the workspace's row until the transaction ends, so two people
 * rewriting a list take turns and the second sees the first one's list.
 */
export async function lockWorkspaceLists(tx: Transaction<Schema>, workspaceId: string) {
  await tx
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .forUpdate()
    .executeTakeFirst();
}

/** Replaces the workspace's criteria; scores given on a criterion no longer listed go with it. */
export async function writeCriteria(
  tx: Transaction<Schema>,
  workspaceId: string,
  criteria: readonly Criterion[],
): Promise<void> {
  await tx.deleteFrom('priority_criteria').where('workspace_id', '=', workspaceId).execute();
  await tx
    .insertInto('priority_criteria')
    .values(
      criteria.map((criterion, position) => ({
        workspace_id: workspaceId,
        key: criterion.key,
        axis: criterion.axis,
        label: criterion.label,
        weight: criterion.weight,
        position,
      })),
    )
    .execute();
  await tx
    .deleteFrom('initiative_scores')
    .where(
      'criterion',
      'not in',
      criteria.map((criterion) => criterion.key),
    )
    .where('initiative_id', 'in', (eb) =>
      eb
        .selectFrom('initiatives')
        .innerJoin('plans', 'plans.id', 'initiatives.plan_id')
        .select('initiatives.id')
        .where('plans.workspace_id', '=', workspaceId),
    )
    .execute();
}

/** How many initiatives of the workspace's plans are at each status. */
export async function statusUsage(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('initiatives')
    .innerJoin('plans', 'plans.id', 'initiatives.plan_id')
    .select((eb) => ['initiatives.status', eb.fn.countAll<number>().as('count')])
    .where('plans.workspace_id', '=', workspaceId)
    .groupBy('initiatives.status')
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.count)]));
}

export async function writeStatuses(
  tx: Transaction<Schema>,
  workspaceId: string,
  statuses: readonly InitiativeStatus[],
): Promise<void> {
  await tx.deleteFrom('initiative_statuses').where('workspace_id', '=', workspaceId).execute();
  await tx
    .insertInto('initiative_statuses')
    .values(
      statuses.map((status, position) => ({
        workspace_id: workspaceId,
        key: status.key,
        label: status.label,
        kind: status.kind,
        default_progress: status.defaultProgress,
        position,
      })),
    )
    .execute();
}
