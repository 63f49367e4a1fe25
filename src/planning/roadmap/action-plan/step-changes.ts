// Moving an action-plan step to another status in one click from the
// initiative's page — the change that moves the initiative's progress, since
// steps done beat progress reported (progress-rollup.ts). Written with its
// audit entry in one transaction, only if the step is still at the version
// the person saw.
import type { Kysely } from 'kysely';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { audit, userOf } from '../initiative-changes.ts';
import type { Initiative } from '../initiative-store.ts';
import type { PartOutcome } from './action-plan-changes.ts';
import { type StepStatus, stepStatuses } from './step-rules.ts';
import { findStep, updateStepIfVersion } from './step-store.ts';

export async function changeStepStatus(
  db: Kysely<Schema>,
  initiative: Pick<Initiative, 'id' | 'planId' | 'title'>,
  stepId: string,
  status: string,
  version: number,
  by: ChangedBy,
): Promise<PartOutcome<'steps'>> {
  if (!stepStatuses.includes(status as StepStatus))
    return { ok: false, problems: [{ field: 'status', rule: 'unknown' }] };
  return db.transaction().execute(async (tx) => {
    const before = await findStep(tx, initiative.id, stepId);
    if (!before) throw new AppError('not_found', 'There is no such step in this action plan');
    const fields = { ...before, status: status as StepStatus };
    if (!(await updateStepIfVersion(tx, before.id, version, fields, userOf(by))))
      return { ok: false, conflict: before };
    await audit(tx, by, 'initiative.step_status_changed', initiative.id, {
      planId: initiative.planId,
      title: initiative.title,
      name: before.what,
      entryId: before.id,
      status,
    });
    return { ok: true, id: before.id };
  });
}
