// Changing a plan's star profile: assessing a point (level, narrative,
// evidence) and clearing it, each checked and written with its audit entry in
// one transaction, for pages and API alike. A save names the version it
// started from (0 for a point not assessed yet); if another was saved since,
// nothing is written and the caller is given the point as it now stands.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { findStarPoint as findModelPoint } from './star-model.ts';
import {
  checkStarPoint,
  notAssessed,
  type RawStarPointFields,
  type StarPointState,
  type StarProblem,
} from './star-rules.ts';
import {
  deleteStarPointIfVersion,
  findStarPoint,
  insertStarPoint,
  updateStarPointIfVersion,
} from './star-store.ts';

export type StarOutcome =
  | { ok: true }
  | { ok: false; problems: StarProblem[] }
  | { ok: false; conflict: StarPointState };

const userOf = (by: ChangedBy) => ('userId' in by.actor ? by.actor.userId : null);
// The audit log is kept in no one language: the point's key, and its English name for the sentence.
const pointDetails = (point: string) => ({ point, name: findModelPoint(point)?.name.en ?? point });

async function currentState(db: Kysely<Schema>, planId: string, point: string) {
  return (await findStarPoint(db, planId, point)) ?? notAssessed(point);
}

/**
 * Assesses a point of the plan's star profile if it is still at `version`;
 * `scores` are the keys of the baseline scores the evidence may cite.
 */
export async function saveStarPoint(
  db: Kysely<Schema>,
  planId: string,
  point: string,
  input: RawStarPointFields,
  version: number,
  scores: ReadonlySet<string>,
  by: ChangedBy,
): Promise<StarOutcome> {
  const { fields, problems } = checkStarPoint(input, scores);
  if (!fields) return { ok: false, problems };
  return db.transaction().execute(async (tx) => {
    const before = await findStarPoint(tx, planId, point);
    const savedId =
      before === undefined
        ? version === 0
          ? await insertStarPoint(tx, planId, point, fields, userOf(by))
          : undefined
        : (await updateStarPointIfVersion(tx, before.id, version, fields, userOf(by))) && before.id;
    if (!savedId) return { ok: false, conflict: await currentState(tx, planId, point) };
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'star_profile_point.updated',
      entityType: 'star_profile_point',
      entityId: savedId,
      details: {
        planId,
        ...pointDetails(point),
        level: fields.level,
        evidence: fields.evidence.length,
      },
    });
    return { ok: true };
  });
}

/** Takes a point back to not assessed, if it is still at `version`. */
export async function clearStarPoint(
  db: Kysely<Schema>,
  planId: string,
  point: string,
  version: number,
  by: ChangedBy,
): Promise<StarOutcome> {
  return db.transaction().execute(async (tx) => {
    const before = await findStarPoint(tx, planId, point);
    // Nothing to clear, and the person saw nothing: done.
    if (!before && version === 0) return { ok: true };
    if (!before || !(await deleteStarPointIfVersion(tx, before.id, version)))
      return { ok: false, conflict: await currentState(tx, planId, point) };
    await recordAudit(tx, {
      workspaceId: by.workspaceId,
      actor: by.actor,
      action: 'star_profile_point.cleared',
      entityType: 'star_profile_point',
      entityId: before.id,
      details: { planId, ...pointDetails(point) },
    });
    return { ok: true };
  });
}
