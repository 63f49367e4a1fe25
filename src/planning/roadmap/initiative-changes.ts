// Changing a plan's initiatives: add (from scratch or from what prompted it),
// edit and delete, each checked against the rules — the plan's tree and
// dependencies included — and written with its audit entry in one
// transaction, for pages, API and import alike. An edit or a delete names the
// version it started from; if another change was saved since, nothing is
// written and the caller gets the initiative as it now stands.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  checkInitiativeFields,
  type InitiativeContext,
  type InitiativeProblem,
  type RawInitiativeFields,
} from './initiative-rules.ts';
import {
  deleteInitiativeIfVersion,
  findInitiative,
  type Initiative,
  insertInitiative,
  type Origin,
  updateInitiativeIfVersion,
} from './initiative-store.ts';
import { addTo } from './multimap.ts';
import { listStatuses } from './roadmap-statuses-store.ts';

export type InitiativeOutcome =
  | { ok: true; id: string }
  | { ok: false; problems: InitiativeProblem[] }
  | { ok: false; conflict: Initiative }
  /** Deleted by someone else while this person was editing it. */
  | { ok: false; gone: true };

export const userOf = (by: ChangedBy) => ('userId' in by.actor ? by.actor.userId : null);

/** What an initiative of this plan may point at: statuses, members, agencies, goals, SWOT entries and the plan's tree. */
export async function initiativeContext(
  db: Kysely<Schema>,
  workspaceId: string,
  planId: string,
): Promise<InitiativeContext> {
  const [statuses, members, agencies, goals, swot, initiatives, dependencies] = await Promise.all([
    listStatuses(db, workspaceId),
    db
      .selectFrom('memberships')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db.selectFrom('agencies').select('id').where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('vision_goals').select('id').where('plan_id', '=', planId).execute(),
    db.selectFrom('swot_entries').select('id').where('plan_id', '=', planId).execute(),
    db
      .selectFrom('initiatives')
      .select(['id', 'parent_id', 'level'])
      .where('plan_id', '=', planId)
      .execute(),
    db
      .selectFrom('initiative_dependencies')
      .innerJoin('initiatives', 'initiatives.id', 'initiative_dependencies.initiative_id')
      .select(['initiative_dependencies.initiative_id', 'initiative_dependencies.depends_on_id'])
      .where('initiatives.plan_id', '=', planId)
      .execute(),
  ]);
  const dependsOn = new Map<string, string[]>();
  for (const row of dependencies) addTo(dependsOn, row.initiative_id, row.depends_on_id);
  return {
    statuses,
    memberIds: new Set(members.map((row) => row.user_id)),
    agencyIds: new Set(agencies.map((row) => row.id)),
    goalIds: new Set(goals.map((row) => row.id)),
    swotEntryIds: new Set(swot.map((row) => row.id)),
    initiatives: new Map(
      initiatives.map((row) => [
        row.id,
        { parentId: row.parent_id, level: row.level, dependsOnIds: dependsOn.get(row.id) ?? [] },
      ]),
    ),
  };
}

/**
 * Adds an initiative to the plan (keeping `origin`, what prompted it), or
 * edits `existing` if it is still at the version the editor started from.
 */
export async function saveInitiative(
  db: Kysely<Schema>,
  planId: string,
  input: RawInitiativeFields,
  by: ChangedBy,
  options: { existing?: { initiativeId: string; version: number }; origin?: Origin } = {},
): Promise<InitiativeOutcome> {
  return db.transaction().execute(async (tx) => {
    const { existing } = options;
    const before = existing && (await findInitiative(tx, planId, existing.initiativeId));
    if (existing && !before) return { ok: false, gone: true };
    const context = await initiativeContext(tx, by.workspaceId, planId);
    const { fields, problems } = checkInitiativeFields(input, context, before?.id);
    if (!fields) return { ok: false, problems };
    if (!before || !existing) {
      const id = await insertInitiative(tx, planId, fields, options.origin ?? null, userOf(by));
      await audit(tx, by, 'initiative.created', id, {
        planId,
        title: fields.title,
        ...(options.origin ? { from: options.origin.kind, ref: options.origin.ref } : {}),
      });
      return { ok: true, id };
    }
    if (!(await updateInitiativeIfVersion(tx, before.id, existing.version, fields, userOf(by))))
      return { ok: false, conflict: before };
    await audit(tx, by, 'initiative.updated', before.id, {
      planId,
      title: fields.title,
      ...(before.title === fields.title ? {} : { was: before.title }),
      ...(before.status === fields.status ? {} : { status: fields.status }),
    });
    return { ok: true, id: before.id };
  });
}

/** Deletes an initiative, with everything under it, if it is still at the version the person saw. */
export async function deleteInitiative(
  db: Kysely<Schema>,
  planId: string,
  initiativeId: string,
  version: number,
  by: ChangedBy,
): Promise<InitiativeOutcome> {
  return db.transaction().execute(async (tx) => {
    const before = await findInitiative(tx, planId, initiativeId);
    if (!before) throw new AppError('not_found', 'There is no such initiative in this plan');
    if (!(await deleteInitiativeIfVersion(tx, before.id, version)))
      return { ok: false, conflict: before };
    await audit(tx, by, 'initiative.deleted', before.id, { planId, title: before.title });
    return { ok: true, id: before.id };
  });
}

export function audit(
  tx: Transaction<Schema>,
  by: ChangedBy,
  action: `initiative.${string}`,
  initiativeId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    workspaceId: by.workspaceId,
    actor: by.actor,
    action,
    entityType: 'initiative',
    entityId: initiativeId,
    details,
  });
}
