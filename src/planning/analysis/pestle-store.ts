// PESTLE factors as stored: per plan, under their heading, in order, with the
// version a save must name.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { PestleFields } from './pestle-rules.ts';

export interface PestleFactor extends PestleFields {
  id: string;
  planId: string;
  position: number;
  version: number;
  updatedAt: Date;
}

const columns = [
  'id',
  'plan_id',
  'heading',
  'description',
  'impact',
  'likelihood',
  'trend',
  'horizon',
  'position',
  'version',
  'updated_at',
] as const;

function factorOf(
  row: {
    id: string;
    plan_id: string;
    position: number;
    version: number;
    updated_at: Date;
  } & PestleFields,
): PestleFactor {
  return {
    id: row.id,
    planId: row.plan_id,
    heading: row.heading,
    description: row.description,
    impact: row.impact,
    likelihood: row.likelihood,
    trend: row.trend,
    horizon: row.horizon,
    position: row.position,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** A plan's factors, in the order of the headings (P, E, S, T, L, E), each heading's in order. */
export async function listPestleFactors(
  db: Kysely<Schema>,
  planId: string,
): Promise<PestleFactor[]> {
  const rows = await db
    .selectFrom('pestle_factors')
    .select(columns)
    .where('plan_id', '=', planId)
    .orderBy(
      sql.raw(
        `array_position(array['political','economic','social','technological','legal','environmental'], heading)`,
      ),
    )
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map(factorOf);
}

export async function findPestleFactor(
  db: Kysely<Schema>,
  planId: string,
  factorId: string,
): Promise<PestleFactor | undefined> {
  const row = await db
    .selectFrom('pestle_factors')
    .select(columns)
    .where('plan_id', '=', planId)
    .where('id', '=', factorId)
    .executeTakeFirst();
  return row && factorOf(row);
}

export async function insertPestleFactor(
  db: Kysely<Schema>,
  factor: PestleFields & { planId: string; updatedBy: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto('pestle_factors')
    .values({
      plan_id: factor.planId,
      heading: factor.heading,
      description: factor.description,
      impact: factor.impact,
      likelihood: factor.likelihood,
      trend: factor.trend,
      horizon: factor.horizon,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from pestle_factors where plan_id = ${factor.planId} and heading = ${factor.heading})`,
      updated_by: factor.updatedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes a factor if it is still at `version`; false when another change was saved since. */
export async function updatePestleFactorIfVersion(
  db: Kysely<Schema>,
  factorId: string,
  version: number,
  fields: PestleFields & { updatedBy: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('pestle_factors')
    .set((eb) => ({
      heading: fields.heading,
      description: fields.description,
      impact: fields.impact,
      likelihood: fields.likelihood,
      trend: fields.trend,
      horizon: fields.horizon,
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: fields.updatedBy,
    }))
    .where('id', '=', factorId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a factor if it is still at `version`; the SWOT entries citing it lose that link. */
export async function deletePestleFactorIfVersion(
  db: Kysely<Schema>,
  factorId: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('pestle_factors')
    .where('id', '=', factorId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
