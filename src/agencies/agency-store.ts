// Queries for agencies of a workspace.
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
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
