// Queries for agencies of a workspace.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { AgencyFields } from './agency-rules.ts';
import type { Agency, AgencyFilter } from './agency-schema.ts';

function agencyQuery(db: Kysely<Schema>, workspaceId: string) {
  return db
    .selectFrom('agencies as agency')
    .leftJoin('agencies as parent', 'parent.id', 'agency.parent_id')
    .where('agency.workspace_id', '=', workspaceId)
    .select([
      'agency.id',
      'agency.name',
      'agency.acronym',
      'agency.level',
      'agency.sector',
      'agency.parent_id as parentId',
      'parent.name as parentName',
      'agency.focal_point_email as focalPointEmail',
    ]);
}

export async function listAgencies(
  db: Kysely<Schema>,
  workspaceId: string,
  filter: AgencyFilter = {},
): Promise<Agency[]> {
  let query = agencyQuery(db, workspaceId);
  if (filter.level) query = query.where('agency.level', '=', filter.level);
  if (filter.sector) query = query.where('agency.sector', '=', filter.sector);
  return query.orderBy('agency.name').execute();
}

export async function findAgency(
  db: Kysely<Schema>,
  workspaceId: string,
  id: string,
): Promise<Agency | undefined> {
  return agencyQuery(db, workspaceId).where('agency.id', '=', id).executeTakeFirst();
}

export async function listSectors(db: Kysely<Schema>, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agencies')
    .where('workspace_id', '=', workspaceId)
    .select('sector')
    .distinct()
    .orderBy('sector')
    .execute();
  return rows.map((row) => row.sector);
}

/**
 * Takes the workspace's lock on its agencies until the transaction ends, so
 * two changes cannot each pass the parent check and together make a loop.
 */
export async function lockAgencies(tx: Kysely<Schema>, workspaceId: string): Promise<void> {
  await tx
    .selectFrom('workspaces')
    .where('id', '=', workspaceId)
    .select('id')
    .forUpdate()
    .execute();
}

export interface AgencyValues extends AgencyFields {
  parentId: string | null;
}

const columns = (values: AgencyValues) => ({
  name: values.name,
  acronym: values.acronym,
  level: values.level,
  sector: values.sector,
  parent_id: values.parentId,
  focal_point_email: values.focalPointEmail,
});

export async function insertAgency(
  db: Kysely<Schema>,
  workspaceId: string,
  values: AgencyValues & { id?: string },
): Promise<string> {
  const row = await db
    .insertInto('agencies')
    .values({
      ...(values.id ? { id: values.id } : {}),
      workspace_id: workspaceId,
      ...columns(values),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAgency(
  db: Kysely<Schema>,
  workspaceId: string,
  id: string,
  values: AgencyValues,
): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ ...columns(values), updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Whether a database error is the unique name of an agency, lost to a concurrent change. */
export function isDuplicateName(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '23505';
}
