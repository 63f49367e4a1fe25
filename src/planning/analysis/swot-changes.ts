// Changing a plan's SWOT: add, edit, delete and accept a draft proposal, each
// checked against the rules — its link must point at something of this
// workspace and plan — and written with its audit entry in one transaction,
// for pages and API alike. An edit or a delete names the version it started
// from; if another was saved since, nothing is written and the caller is given
// the entry as it now stands.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { evidenceExists } from './evidence-store.ts';
import type { SwotProposal } from './swot-proposals.ts';
import {
  type AnalysisProblem,
  checkSwotFields,
  type RawSwotFields,
  type SwotFields,
} from './swot-rules.ts';
import {
  deleteSwotEntryIfVersion,
  findSwotEntry,
  insertSwotEntry,
  type SwotEntry,
  updateSwotEntryIfVersion,
} from './swot-store.ts';

export type ChangeOutcome<T> =
  | { ok: true; id: string }
  | { ok: false; problems: AnalysisProblem[] }
  | { ok: false; conflict: T };

export const userOf = (by: ChangedBy) => ('userId' in by.actor ? by.actor.userId : null);

async function checked(
  db: Kysely<Schema>,
  raw: RawSwotFields,
  scope: { workspaceId: string; planId: string },
): Promise<{ fields?: SwotFields; problems: AnalysisProblem[] }> {
  const { fields, problems } = checkSwotFields(raw);
  if (!fields?.evidence) return { ...(fields ? { fields } : {}), problems };
  if (!(await evidenceExists(db, scope, fields.evidence)))
    return { problems: [{ field: 'evidence', rule: 'evidenceUnknown' }] };
  return { fields, problems };
}

/** Adds an entry to a plan, or edits `existing` if it is still at the version the editor started from. */
export async function saveSwotEntry(
  db: Kysely<Schema>,
  planId: string,
  raw: RawSwotFields,
  by: ChangedBy,
  existing?: { entryId: string; version: number },
): Promise<ChangeOutcome<SwotEntry>> {
  return db.transaction().execute(async (tx) => {
    const before = existing && (await findSwotEntry(tx, planId, existing.entryId));
    if (existing && !before) throw new AppError('not_found', 'There is no such SWOT entry');
    const { fields, problems } = await checked(tx, raw, { workspaceId: by.workspaceId, planId });
    if (!fields) return { ok: false, problems };
    if (!before || !existing) {
      const id = await insertSwotEntry(tx, {
        ...fields,
        planId,
        proposalKey: null,
        updatedBy: userOf(by),
      });
      if (!id) throw new AppError('conflict', 'The entry could not be added');
      await audit(tx, by, 'swot_entry.created', id, fields);
      return { ok: true, id };
    }
    if (
      !(await updateSwotEntryIfVersion(tx, before.id, existing.version, {
        ...fields,
        updatedBy: userOf(by),
      }))
    )
      return { ok: false, conflict: before };
    await audit(tx, by, 'swot_entry.updated', before.id, fields, before.text);
    return { ok: true, id: before.id };
  });
}

/** Deletes an entry if it is still at the version the person saw. */
export async function deleteSwotEntry(
  db: Kysely<Schema>,
  planId: string,
  entryId: string,
  version: number,
  by: ChangedBy,
): Promise<ChangeOutcome<SwotEntry>> {
  return db.transaction().execute(async (tx) => {
    const before = await findSwotEntry(tx, planId, entryId);
    if (!before) throw new AppError('not_found', 'There is no such SWOT entry');
    if (!(await deleteSwotEntryIfVersion(tx, entryId, version)))
      return { ok: false, conflict: before };
    await audit(tx, by, 'swot_entry.deleted', entryId, before);
    return { ok: true, id: entryId };
  });
}

/**
 * Adds a draft proposal to the plan's SWOT with the text (and importance) the
 * person chose. Accepting one already accepted adds nothing: the entry
 * accepted before is the answer.
 */
export async function acceptProposal(
  db: Kysely<Schema>,
  planId: string,
  proposal: SwotProposal,
  raw: { text?: string | undefined; importance?: string | undefined },
  by: ChangedBy,
): Promise<ChangeOutcome<SwotEntry> & { added?: boolean }> {
  return db.transaction().execute(async (tx) => {
    const { fields, problems } = checkSwotFields({
      quadrant: proposal.quadrant,
      text: raw.text,
      importance: raw.importance ?? proposal.importance,
      evidence: proposal.evidence,
    });
    if (!fields) return { ok: false, problems };
    const id = await insertSwotEntry(tx, {
      ...fields,
      planId,
      proposalKey: proposal.key,
      updatedBy: userOf(by),
    });
    if (!id) {
      const accepted = await tx
        .selectFrom('swot_entries')
        .select('id')
        .where('plan_id', '=', planId)
        .where('proposal_key', '=', proposal.key)
        .executeTakeFirstOrThrow();
      return { ok: true, id: accepted.id, added: false };
    }
    await audit(tx, by, 'swot_entry.created', id, fields, undefined, proposal.key);
    return { ok: true, id, added: true };
  });
}

function audit(
  tx: Kysely<Schema>,
  by: ChangedBy,
  action: `swot_entry.${'created' | 'updated' | 'deleted'}`,
  entityId: string,
  entry: Pick<SwotFields, 'quadrant' | 'text'>,
  was?: string,
  proposal?: string,
) {
  return recordAudit(tx, {
    workspaceId: by.workspaceId,
    actor: by.actor,
    action,
    entityType: 'swot_entry',
    entityId,
    details: {
      quadrant: entry.quadrant,
      text: entry.text,
      ...(was === undefined || was === entry.text ? {} : { was }),
      ...(proposal ? { proposal } : {}),
    },
  });
}
