// Starting a plan from a copy of another: the plan itself (a new draft over
// the same period and baseline, its title marked as a copy) and every part of
// it, each copied by the feature that owns it, all in one transaction.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import type { Plan } from '../plans/index.ts';

/** Copies one part of a plan (its rows, with new ids) from one plan to another. */
export type PartCopier = (
  db: Kysely<Schema>,
  fromPlanId: string,
  toPlanId: string,
) => Promise<void>;

export async function copyPlan(
  db: Kysely<Schema>,
  from: Plan,
  title: string,
  parts: readonly PartCopier[],
  by: ChangedBy,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('plans')
      .values({
        workspace_id: by.workspaceId,
        title,
        starts_year: from.startsYear,
        ends_year: from.endsYear,
        copied_from: from.id,
        updated_by: 'userId' in by.actor ? by.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (from.baselineRounds.length > 0)
      await tx
        .insertInto('plan_baseline_rounds')
        .values(from.baselineRounds.map((round) => ({ plan_id: id, round_id: round.id })))
        .execute();
    for (const copy of parts) await copy(tx, from.id, id);
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'plan.copied',
      entityType: 'plan',
      entityId: id,
      details: { title, from: from.title },
    });
    return id;
  });
}
