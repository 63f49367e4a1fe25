// Plans as stored: the plan, the rounds it rests on, and its version.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { PlanFields, PlanStatus } from './plan-rules.ts';

export interface Plan {
  id: string;
  title: string;
  startsYear: number;
  endsYear: number;
  status: PlanStatus;
  copiedFrom: string | null;
  version: number;
  updatedAt: Date;
  baselineRounds: { id: string; name: string }[];
}

const planColumns = [
  'id',
  'title',
  'starts_year',
  'ends_year',
  'status',
  'copied_from',
  'version',
  'updated_at',
] as const;

async function withBaselines(
  db: Kysely<Schema>,
  rows: {
    id: string;
    title: string;
    starts_year: number;
    ends_year: number;
    status: PlanStatus;
    copied_from: string | null;
    version: number;
    updated_at: Date;
  }[],
): Promise<Plan[]> {
  if (rows.length === 0) return [];
  const baselines = await db
    .selectFrom('plan_baseline_rounds')
    .innerJoin('rounds', 'rounds.id', 'plan_baseline_rounds.round_id')
    .select(['plan_baseline_rounds.plan_id', 'rounds.id', 'rounds.name'])
    .where(
      'plan_baseline_rounds.plan_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('rounds.opens_on')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    startsYear: row.starts_year,
    endsYear: row.ends_year,
    status: row.status,
    copiedFrom: row.copied_from,
    version: row.version,
    updatedAt: row.updated_at,
    baselineRounds: baselines
      .filter((baseline) => baseline.plan_id === row.id)
      .map(({ id, name }) => ({ id, name })),
  }));
}

/** The workspace's plans, latest period first. */
export async function listPlans(db: Kysely<Schema>, workspaceId: string): Promise<Plan[]> {
  const rows = await db
    .selectFrom('plans')
    .select(planColumns)
    .where('workspace_id', '=', workspaceId)
    .orderBy('starts_year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return withBaselines(db, rows);
}

/** A plan of the workspace; undefined for one of another workspace, as for none. */
export async function findPlan(
  db: Kysely<Schema>,
  workspaceId: string,
  planId: string,
): Promise<Plan | undefined> {
  const rows = await db
    .selectFrom('plans')
    .select(planColumns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', planId)
    .execute();
  return (await withBaselines(db, rows))[0];
}

export async function insertPlan(
  db: Kysely<Schema>,
  plan: PlanFields & { workspaceId: string; copiedFrom: string | null; updatedBy: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto('plans')
    .values({
      workspace_id: plan.workspaceId,
      title: plan.title,
      starts_year: plan.startsYear,
      ends_year: plan.endsYear,
      copied_from: plan.copiedFrom,
      updated_by: plan.updatedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setBaselines(db, id, plan.baselineRoundIds);
  return id;
}

/**
 * Writes a plan's fields if it is still at `version`, raising the version;
 * false when another change was saved since (nothing written).
 */
export async function updatePlanIfVersion(
  db: Kysely<Schema>,
  planId: string,
  version: number,
  change: Partial<PlanFields> & { status?: PlanStatus; updatedBy: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('plans')
    .set((eb) => ({
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.startsYear === undefined ? {} : { starts_year: change.startsYear }),
      ...(change.endsYear === undefined ? {} : { ends_year: change.endsYear }),
      ...(change.status === undefined ? {} : { status: change.status }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: change.updatedBy,
    }))
    .where('id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  if (change.baselineRoundIds) await setBaselines(db, planId, change.baselineRoundIds);
  return true;
}

async function setBaselines(db: Kysely<Schema>, planId: string, roundIds: readonly string[]) {
  await db.deleteFrom('plan_baseline_rounds').where('plan_id', '=', planId).execute();
  if (roundIds.length > 0)
    await db
      .insertInto('plan_baseline_rounds')
      .values(roundIds.map((roundId) => ({ plan_id: planId, round_id: roundId })))
      .execute();
}

/** The workspace's rounds a plan may rest on, latest first. */
export function listRoundChoices(db: Kysely<Schema>, workspaceId: string) {
  return db
    .selectFrom('rounds')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('opens_on', 'desc')
    .execute();
}
