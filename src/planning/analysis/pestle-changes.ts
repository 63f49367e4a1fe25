// Changing a plan's PESTLE: add, edit and delete a factor, checked and written
// with its audit entry in one transaction; an edit or delete names the version
// it started from, and a late one is given the factor as it now stands.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { checkPestleFields, type PestleFields, type RawPestleFields } from './pestle-rules.ts';
import {
  deletePestleFactorIfVersion,
  findPestleFactor,
  insertPestleFactor,
  type PestleFactor,
  updatePestleFactorIfVersion,
} from './pestle-store.ts';
import { type ChangeOutcome, userOf } from './swot-changes.ts';

export async function savePestleFactor(
  db: Kysely<Schema>,
  planId: string,
  raw: RawPestleFields,
  by: ChangedBy,
  existing?: { factorId: string; version: number },
): Promise<ChangeOutcome<PestleFactor>> {
  return db.transaction().execute(async (tx) => {
    const before = existing && (await findPestleFactor(tx, planId, existing.factorId));
    if (existing && !before) throw new AppError('not_found', 'There is no such PESTLE factor');
    const { fields, problems } = checkPestleFields(raw);
    if (!fields) return { ok: false, problems };
    if (!before || !existing) {
      const id = await insertPestleFactor(tx, { ...fields, planId, updatedBy: userOf(by) });
      await audit(tx, by, 'pestle_factor.created', id, fields);
      return { ok: true, id };
    }
    if (
      !(await updatePestleFactorIfVersion(tx, before.id, existing.version, {
        ...fields,
        updatedBy: userOf(by),
      }))
    )
      return { ok: false, conflict: before };
    await audit(tx, by, 'pestle_factor.updated', before.id, fields, before.description);
    return { ok: true, id: before.id };
  });
}

export async function deletePestleFactor(
  db: Kysely<Schema>,
  planId: string,
  factorId: string,
  version: number,
  by: ChangedBy,
): Promise<ChangeOutcome<PestleFactor>> {
  return db.transaction().execute(async (tx) => {
    const before = await findPestleFactor(tx, planId, factorId);
    if (!before) throw new AppError('not_found', 'There is no such PESTLE factor');
    if (!(await deletePestleFactorIfVersion(tx, factorId, version)))
      return { ok: false, conflict: before };
    await audit(tx, by, 'pestle_factor.deleted', factorId, before);
    return { ok: true, id: factorId };
  });
}

function audit(
  tx: Kysely<Schema>,
  by: ChangedBy,
  action: `pestle_factor.${'created' | 'updated' | 'deleted'}`,
  entityId: string,
  factor: Pick<PestleFields, 'heading' | 'description'>,
  was?: string,
) {
  return recordAudit(tx, {
    workspaceId: by.workspaceId,
    actor: by.actor,
    action,
    entityType: 'pestle_factor',
    entityId,
    details: {
      heading: factor.heading,
      description: factor.description,
      ...(was === undefined || was === factor.description ? {} : { was }),
    },
  });
}
