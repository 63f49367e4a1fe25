// A plan's stakeholders as stored, each with its owner's name and its version.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type {
  EngagementLevel,
  StakeholderFields,
  StakeholderGroup,
  VulnerableGroup,
} from './stakeholder-rules.ts';

export interface Stakeholder extends StakeholderFields {
  id: string;
  planId: string;
  ownerName: string | null;
  version: number;
  updatedAt: Date;
}

function stakeholderQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('stakeholders')
    .leftJoin('users', 'users.id', 'stakeholders.owner_id')
    .select([
      'stakeholders.id',
      'stakeholders.plan_id',
      'stakeholders.name',
      'stakeholders.stakeholder_group',
      'stakeholders.vulnerable_group',
      'stakeholders.interest',
      'stakeholders.influence',
      'stakeholders.engagement',
      'stakeholders.needs',
      'stakeholders.owner_id',
      'users.name as owner_name',
      'stakeholders.version',
      'stakeholders.updated_at',
    ]);
}

type StakeholderRow = Awaited<ReturnType<ReturnType<typeof stakeholderQuery>['execute']>>[number];

const toStakeholder = (row: StakeholderRow): Stakeholder => ({
  id: row.id,
  planId: row.plan_id,
  name: row.name,
  group: row.stakeholder_group as StakeholderGroup,
  vulnerableGroup: row.vulnerable_group as VulnerableGroup | null,
  interest: row.interest,
  influence: row.influence,
  engagement: row.engagement as EngagementLevel,
  needs: row.needs,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  version: row.version,
  updatedAt: row.updated_at,
});

/** The plan's stakeholders by name: the order of the table and of the grid's numbers. */
export async function listStakeholders(db: Kysely<Schema>, planId: string): Promise<Stakeholder[]> {
  const rows = await stakeholderQuery(db)
    .where('stakeholders.plan_id', '=', planId)
    .orderBy('stakeholders.name')
    .orderBy('stakeholders.id')
    .execute();
  return rows.map(toStakeholder);
}

/** A stakeholder of the plan; undefined for one of another plan, as for none. */
export async function findStakeholder(
  db: Kysely<Schema>,
  planId: string,
  stakeholderId: string,
): Promise<Stakeholder | undefined> {
  const row = await stakeholderQuery(db)
    .where('stakeholders.plan_id', '=', planId)
    .where('stakeholders.id', '=', stakeholderId)
    .executeTakeFirst();
  return row && toStakeholder(row);
}

const columnsOf = (fields: StakeholderFields) => ({
  name: fields.name,
  stakeholder_group: fields.group,
  vulnerable_group: fields.vulnerableGroup,
  interest: fields.interest,
  influence: fields.influence,
  engagement: fields.engagement,
  needs: fields.needs,
  owner_id: fields.ownerId,
});

export async function insertStakeholder(
  db: Kysely<Schema>,
  planId: string,
  fields: StakeholderFields,
  updatedBy: string | null,
): Promise<string> {
  const { id } = await db
    .insertInto('stakeholders')
    .values({ plan_id: planId, ...columnsOf(fields), updated_by: updatedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Writes a stakeholder's fields if it is still at `version`, raising the
 * version; false when another change was saved since (nothing written).
 */
export async function updateStakeholderIfVersion(
  db: Kysely<Schema>,
  stakeholderId: string,
  version: number,
  fields: StakeholderFields,
  updatedBy: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('stakeholders')
    .set((eb) => ({
      ...columnsOf(fields),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: updatedBy,
    }))
    .where('id', '=', stakeholderId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a stakeholder if it is still at `version`; false when it was changed since. */
export async function deleteStakeholderIfVersion(
  db: Kysely<Schema>,
  stakeholderId: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('stakeholders')
    .where('id', '=', stakeholderId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The workspace's members, who may own a stakeholder, by name. */
export function listOwnerChoices(db: Kysely<Schema>, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('users.name')
    .execute();
}

/** Copies one plan's stakeholders to another, each a new row at version 1. */
export async function copyStakeholderRows(
  db: Kysely<Schema>,
  fromPlanId: string,
  toPlanId: string,
): Promise<void> {
  const rows = await listStakeholders(db, fromPlanId);
  if (rows.length === 0) return;
  await db
    .insertInto('stakeholders')
    .values(rows.map((row) => ({ plan_id: toPlanId, ...columnsOf(row), updated_by: null })))
    .execute();
}
