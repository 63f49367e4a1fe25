// Rewriting a workspace's criteria or statuses: the whole list checked
// against the rules and written with its audit entry in one transaction, for
// pages and API alike. A save names the revision of the list it started
// from; if another person saved the list since, nothing is written and the
// caller gets the list as it now stands.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import type { InitiativeStatus } from '../roadmap-statuses.ts';
import { listStatuses } from '../roadmap-statuses-store.ts';
import type { Criterion } from './prioritisation.ts';
import {
  checkCriteria,
  checkStatuses,
  type RawCriterion,
  type RawStatus,
  revisionOf,
  type SettingsProblem,
} from './priority-settings-rules.ts';
import {
  listCriteria,
  lockWorkspaceLists,
  statusUsage,
  writeCriteria,
  writeStatuses,
} from './priority-settings-store.ts';

export type SettingsOutcome<T> =
  | { ok: true; list: readonly T[] }
  | { ok: false; problems: SettingsProblem[] }
  | { ok: false; conflict: readonly T[] };

const keysOf = (list: readonly { key: string }[]) => list.map((entry) => entry.key);

/** Replaces the criteria; `revision` is the list's as the person saw it (none: no check). */
export function saveCriteria(
  db: Kysely<Schema>,
  rows: readonly RawCriterion[],
  by: ChangedBy,
  revision?: string,
): Promise<SettingsOutcome<Criterion>> {
  return db.transaction().execute(async (tx) => {
    await lockWorkspaceLists(tx, by.workspaceId);
    const before = await listCriteria(tx, by.workspaceId);
    if (revision !== undefined && revision !== revisionOf(before))
      return { ok: false, conflict: before };
    const { criteria, problems } = checkCriteria(rows);
    if (!criteria) return { ok: false, problems };
    await writeCriteria(tx, by.workspaceId, criteria);
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'roadmap.criteria_changed',
      entityType: 'roadmap',
      entityId: by.workspaceId,
      details: {
        criteria: criteria.length,
        removed: keysOf(before).filter((key) => !keysOf(criteria).includes(key)),
      },
    });
    return { ok: true, list: criteria };
  });
}

/** Replaces the statuses; a status initiatives use cannot go. */
export function saveStatuses(
  db: Kysely<Schema>,
  rows: readonly RawStatus[],
  by: ChangedBy,
  revision?: string,
): Promise<SettingsOutcome<InitiativeStatus>> {
  return db.transaction().execute(async (tx) => {
    await lockWorkspaceLists(tx, by.workspaceId);
    const before = await listStatuses(tx, by.workspaceId);
    if (revision !== undefined && revision !== revisionOf(before))
      return { ok: false, conflict: before };
    const { statuses, problems } = checkStatuses(rows, await statusUsage(tx, by.workspaceId));
    if (!statuses) return { ok: false, problems };
    await writeStatuses(tx, by.workspaceId, statuses);
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'roadmap.statuses_changed',
      entityType: 'roadmap',
      entityId: by.workspaceId,
      details: {
        statuses: statuses.length,
        removed: keysOf(before).filter((key) => !keysOf(statuses).includes(key)),
      },
    });
    return { ok: true, list: statuses };
  });
}
