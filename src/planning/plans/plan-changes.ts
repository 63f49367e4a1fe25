// Changing plans: create (or start from a copy of another), edit and move its
// status, each checked against the rules and written with its audit entry in
// one transaction, for pages and API alike. An edit names the version it
// started from; if another was saved since, nothing is written and the caller
// is given the plan as it now stands, to show beside what was typed.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  checkPlanFields,
  mayMoveTo,
  type PlanProblem,
  type PlanStatus,
  type RawPlanFields,
} from './plan-rules.ts';
import { findPlan, insertPlan, type Plan, updatePlanIfVersion } from './plan-store.ts';

export type PlanOutcome =
  | { ok: true; id: string }
  | { ok: false; problems: PlanProblem[] }
  | { ok: false; conflict: Plan };

const userOf = (by: ChangedBy) => ('userId' in by.actor ? by.actor.userId : null);

async function workspaceRoundIds(db: Kysely<Schema>, workspaceId: string) {
  const rows = await db
    .selectFrom('rounds')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Creates a plan, or edits `existing` if it is still at the version the editor started from. */
export async function savePlan(
  db: Kysely<Schema>,
  input: RawPlanFields,
  by: ChangedBy,
  existing?: { planId: string; version: number },
): Promise<PlanOutcome> {
  return db.transaction().execute(async (tx) => {
    const before = existing && (await findPlan(tx, by.workspaceId, existing.planId));
    if (existing && !before) throw new AppError('not_found', 'There is no such plan');
    const { fields, problems } = checkPlanFields(
      input,
      await workspaceRoundIds(tx, by.workspaceId),
    );
    if (!fields) return { ok: false, problems };
    if (!before || !existing) {
      const id = await insertPlan(tx, {
        ...fields,
        workspaceId: by.workspaceId,
        copiedFrom: null,
        updatedBy: userOf(by),
      });
      await recordAudit(tx, {
        workspaceId: by.workspaceId,
        actor: by.actor,
        action: 'plan.created',
        entityType: 'plan',
        entityId: id,
        details: { title: fields.title },
      });
      return { ok: true, id };
    }
    if (
      !(await updatePlanIfVersion(tx, before.id, existing.version, {
        ...fields,
        updatedBy: userOf(by),
      }))
    )
      return { ok: false, conflict: before };
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'plan.updated',
      entityType: 'plan',
      entityId: before.id,
      details: {
        title: fields.title,
        ...(before.title === fields.title ? {} : { was: before.title }),
      },
    });
    return { ok: true, id: before.id };
  });
}

/** Adopts a draft or closes an adopted plan. */
export async function movePlan(
  db: Kysely<Schema>,
  planId: string,
  to: PlanStatus,
  version: number,
  by: ChangedBy,
): Promise<PlanOutcome> {
  return db.transaction().execute(async (tx) => {
    const before = await findPlan(tx, by.workspaceId, planId);
    if (!before) throw new AppError('not_found', 'There is no such plan');
    if (before.version !== version) return { ok: false, conflict: before };
    if (!mayMoveTo(before.status, to))
      return {
        ok: false,
        problems: [{ field: 'status', rule: 'statusStep', values: { from: before.status, to } }],
      };
    if (!(await updatePlanIfVersion(tx, planId, version, { status: to, updatedBy: userOf(by) })))
      return { ok: false, conflict: before };
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: to === 'adopted' ? 'plan.adopted' : 'plan.closed',
      entityType: 'plan',
      entityId: planId,
      details: { title: before.title },
    });
    return { ok: true, id: planId };
  });
}
