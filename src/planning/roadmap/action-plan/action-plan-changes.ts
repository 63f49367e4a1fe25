// Changing an initiative's action plan: adding, editing and deleting a step,
// milestone, resource, KPI or communication, each checked against its rules
// and written with its audit entry (naming the initiative) in one
// transaction, for pages and API alike. An edit or a delete names the version
// it started from; if another change was saved since, nothing is written and
// the caller gets the entry as it now stands.
import type { Kysely } from 'kysely';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { isoToday } from '../../../platform/iso-day.ts';
import { audit, userOf } from '../initiative-changes.ts';
import type { Initiative } from '../initiative-store.ts';
import { type PartKey, partSpecs } from './action-plan-parts.ts';
import type { ActionPlanProblem, RawFields } from './action-plan-rules.ts';
import { type PartEntry, partStores } from './action-plan-store.ts';

export type PartOutcome<K extends PartKey> =
  | { ok: true; id: string }
  | { ok: false; problems: ActionPlanProblem[] }
  | { ok: false; conflict: PartEntry<K> }
  /** Deleted by someone else while this person was editing it. */
  | { ok: false; gone: true };

/** Adds an entry to one list of the initiative's action plan, or edits `existing` if still at its version. */
export async function savePartEntry<K extends PartKey>(
  db: Kysely<Schema>,
  part: K,
  initiative: Pick<Initiative, 'id' | 'planId' | 'title'>,
  input: RawFields,
  by: ChangedBy,
  existing?: { id: string; version: number },
): Promise<PartOutcome<K>> {
  const spec = partSpecs[part];
  const store = partStores[part];
  return db.transaction().execute(async (tx) => {
    const before = existing && (await store.find(tx, initiative.id, existing.id));
    if (existing && !before) return { ok: false, gone: true };
    const { fields, problems } = spec.check(input, isoToday());
    if (!fields) return { ok: false, problems };
    const details = {
      planId: initiative.planId,
      title: initiative.title,
      name: spec.nameOf(fields),
    };
    if (!before || !existing) {
      const id = await store.insert(tx, initiative.id, fields, userOf(by));
      await audit(tx, by, spec.action.added, initiative.id, {
        ...details,
        entryId: id,
      });
      return { ok: true, id };
    }
    if (!(await store.updateIfVersion(tx, before.id, existing.version, fields, userOf(by))))
      return { ok: false, conflict: before };
    await audit(tx, by, spec.action.updated, initiative.id, {
      ...details,
      entryId: before.id,
    });
    return { ok: true, id: before.id };
  });
}

/** Deletes an entry of the action plan if it is still at the version the person saw. */
export async function deletePartEntry<K extends PartKey>(
  db: Kysely<Schema>,
  part: K,
  initiative: Pick<Initiative, 'id' | 'planId' | 'title'>,
  id: string,
  version: number,
  by: ChangedBy,
): Promise<PartOutcome<K>> {
  const spec = partSpecs[part];
  const store = partStores[part];
  return db.transaction().execute(async (tx) => {
    const before = await store.find(tx, initiative.id, id);
    if (!before) throw new AppError('not_found', 'There is no such entry in this action plan');
    if (!(await store.deleteIfVersion(tx, before.id, version)))
      return { ok: false, conflict: before };
    await audit(tx, by, spec.action.deleted, initiative.id, {
      planId: initiative.planId,
      title: initiative.title,
      name: spec.nameOf(before),
      entryId: before.id,
    });
    return { ok: true, id: before.id };
  });
}
