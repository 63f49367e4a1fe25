// Changing a plan's stakeholders: add, edit and delete, each checked against
// the rules and written with its audit entry in one transaction, for pages and
// API alike. An edit or a delete names the version it started from; if another
// change was saved since, nothing is written and the caller is given the
// stakeholder as it now stands, to show beside what was typed.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  checkStakeholder,
  type RawStakeholderFields,
  type StakeholderProblem,
} from './stakeholder-rules.ts';
import {
  deleteStakeholderIfVersion,
  findStakeholder,
  insertStakeholder,
  listOwnerChoices,
  type Stakeholder,
  updateStakeholderIfVersion,
} from './stakeholder-store.ts';

export type StakeholderOutcome =
  | { ok: true; id: string }
  | { ok: false; problems: StakeholderProblem[] }
  | { ok: false; conflict: Stakeholder }
  /** Deleted by someone else while this person was editing it. */
  | { ok: false; gone: true };

const userOf = (by: ChangedBy) => ('userId' in by.actor ? by.actor.userId : null);

/** Adds a stakeholder to the plan, or edits `existing` if it is still at the version the editor started from. */
export async function saveStakeholder(
  db: Kysely<Schema>,
  planId: string,
  input: RawStakeholderFields,
  by: ChangedBy,
  existing?: { stakeholderId: string; version: number },
): Promise<StakeholderOutcome> {
  return db.transaction().execute(async (tx) => {
    const before = existing && (await findStakeholder(tx, planId, existing.stakeholderId));
    if (existing && !before) return { ok: false, gone: true };
    const members = await listOwnerChoices(tx, by.workspaceId);
    const { fields, problems } = checkStakeholder(input, new Set(members.map((m) => m.id)));
    if (!fields) return { ok: false, problems };
    if (!before || !existing) {
      const id = await insertStakeholder(tx, planId, fields, userOf(by));
      await recordAudit(tx, {
        workspaceId: by.workspaceId,
        actor: by.actor,
        action: 'stakeholder.created',
        entityType: 'stakeholder',
        entityId: id,
        details: { planId, name: fields.name },
      });
      return { ok: true, id };
    }
    if (!(await updateStakeholderIfVersion(tx, before.id, existing.version, fields, userOf(by))))
      return { ok: false, conflict: before };
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'stakeholder.updated',
      entityType: 'stakeholder',
      entityId: before.id,
      details: {
        planId,
        name: fields.name,
        ...(before.name === fields.name ? {} : { was: before.name }),
      },
    });
    return { ok: true, id: before.id };
  });
}

/** Deletes a stakeholder if it is still at the version the person saw. */
export async function deleteStakeholder(
  db: Kysely<Schema>,
  planId: string,
  stakeholderId: string,
  version: number,
  by: ChangedBy,
): Promise<StakeholderOutcome> {
  return db.transaction().execute(async (tx) => {
    const before = await findStakeholder(tx, planId, stakeholderId);
    if (!before) throw new AppError('not_found', 'There is no such stakeholder in this plan');
    if (!(await deleteStakeholderIfVersion(tx, before.id, version)))
      return { ok: false, conflict: before };
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'stakeholder.deleted',
      entityType: 'stakeholder',
      entityId: before.id,
      details: { planId, name: before.name },
    });
    return { ok: true, id: before.id };
  });
}
