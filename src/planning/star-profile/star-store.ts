// A plan's star profile as stored: one row per assessed point, with its
// evidence in order and its version. A point without a row is not assessed.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { Evidence, StarPointFields } from './star-rules.ts';

export interface StoredStarPoint extends StarPointFields {
  id: string;
  point: string;
  version: number;
  updatedAt: Date;
}

/** The plan's assessed points by key. */
export async function listStarPoints(
  db: Kysely<Schema>,
  planId: string,
): Promise<Map<string, StoredStarPoint>> {
  const rows = await db
    .selectFrom('star_profile_points')
    .select(['id', 'point', 'level', 'narrative', 'version', 'updated_at'])
    .where('plan_id', '=', planId)
    .execute();
  const evidence =
    rows.length === 0
      ? []
      : await db
          .selectFrom('star_profile_evidence')
          .select(['point_id', 'position', 'url', 'title', 'round_id', 'code'])
          .where(
            'point_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('position')
          .execute();
  return new Map(
    rows.map((row) => [
      row.point,
      {
        id: row.id,
        point: row.point,
        level: row.level,
        narrative: row.narrative,
        version: row.version,
        updatedAt: row.updated_at,
        evidence: evidence
          .filter((item) => item.point_id === row.id)
          .map(
            (item): Evidence =>
              item.round_id !== null && item.code !== null
                ? { type: 'score', roundId: item.round_id, code: item.code }
                : { type: 'link', title: item.title ?? '', url: item.url ?? '' },
          ),
      },
    ]),
  );
}

export async function findStarPoint(
  db: Kysely<Schema>,
  planId: string,
  point: string,
): Promise<StoredStarPoint | undefined> {
  return (await listStarPoints(db, planId)).get(point);
}

async function setEvidence(db: Kysely<Schema>, pointId: string, evidence: readonly Evidence[]) {
  await db.deleteFrom('star_profile_evidence').where('point_id', '=', pointId).execute();
  if (evidence.length > 0)
    await db
      .insertInto('star_profile_evidence')
      .values(
        evidence.map((item, position) =>
          item.type === 'link'
            ? {
                point_id: pointId,
                position,
                url: item.url,
                title: item.title,
                round_id: null,
                code: null,
              }
            : {
                point_id: pointId,
                position,
                url: null,
                title: null,
                round_id: item.roundId,
                code: item.code,
              },
        ),
      )
      .execute();
}

/** Writes a point not assessed before, giving its id; undefined when another person assessed it first. */
export async function insertStarPoint(
  db: Kysely<Schema>,
  planId: string,
  point: string,
  fields: StarPointFields,
  updatedBy: string | null,
): Promise<string | undefined> {
  const inserted = await db
    .insertInto('star_profile_points')
    .values({
      plan_id: planId,
      point,
      level: fields.level,
      narrative: fields.narrative,
      updated_by: updatedBy,
    })
    .onConflict((conflict) => conflict.columns(['plan_id', 'point']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  await setEvidence(db, inserted.id, fields.evidence);
  return inserted.id;
}

/** Writes a point if it is still at `version`, raising the version; false when changed since. */
export async function updateStarPointIfVersion(
  db: Kysely<Schema>,
  pointId: string,
  version: number,
  fields: StarPointFields,
  updatedBy: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('star_profile_points')
    .set((eb) => ({
      level: fields.level,
      narrative: fields.narrative,
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: updatedBy,
    }))
    .where('id', '=', pointId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await setEvidence(db, pointId, fields.evidence);
  return true;
}

/** Clears a point back to not assessed if it is still at `version`. */
export async function deleteStarPointIfVersion(
  db: Kysely<Schema>,
  pointId: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('star_profile_points')
    .where('id', '=', pointId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Copies one plan's star profile to another. Evidence citing a round the new
 * plan does not rest on is copied too: the team sees it and replaces it.
 */
export async function copyStarPointRows(
  db: Kysely<Schema>,
  fromPlanId: string,
  toPlanId: string,
): Promise<void> {
  const points = await listStarPoints(db, fromPlanId);
  for (const point of points.values())
    await insertStarPoint(db, toPlanId, point.point, point, null);
}
