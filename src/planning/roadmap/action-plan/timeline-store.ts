// An initiative's timeline as stored: dated entries of what happened, each
// with the progress at that date, and the initiative's reported progress that
// the latest of them sets.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import type { UpdateFields } from './action-plan-rules.ts';

export interface TimelineEntry extends UpdateFields {
  id: string;
  initiativeId: string;
  createdAt: Date;
  createdByName: string | null;
}

/** The entries of the given initiatives, newest first (a day's later entry first). */
export async function listTimeline(
  db: Kysely<Schema>,
  initiativeIds: readonly string[],
): Promise<TimelineEntry[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await db
    .selectFrom('initiative_updates')
    .leftJoin('users', 'users.id', 'initiative_updates.created_by')
    .select([
      'initiative_updates.id',
      'initiative_updates.initiative_id',
      'initiative_updates.happened_on',
      'initiative_updates.text',
      'initiative_updates.progress',
      'initiative_updates.created_at',
      'users.name',
    ])
    .where('initiative_updates.initiative_id', 'in', initiativeIds)
    .orderBy('initiative_updates.happened_on', 'desc')
    .orderBy('initiative_updates.created_at', 'desc')
    .orderBy('initiative_updates.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    initiativeId: row.initiative_id,
    happenedOn: row.happened_on,
    text: row.text,
    progress: row.progress,
    createdAt: row.created_at,
    createdByName: row.name,
  }));
}

/** The dates of the initiative's entries, for deciding which is the latest. */
export async function timelineDates(
  tx: Transaction<Schema>,
  initiativeId: string,
): Promise<string[]> {
  const rows = await tx
    .selectFrom('initiative_updates')
    .select('happened_on')
    .where('initiative_id', '=', initiativeId)
    .execute();
  return rows.map((row) => row.happened_on);
}

export async function insertTimelineEntry(
  tx: Transaction<Schema>,
  initiativeId: string,
  fields: UpdateFields,
  createdBy: string | null,
): Promise<string> {
  const { id } = await tx
    .insertInto('initiative_updates')
    .values({
      initiative_id: initiativeId,
      happened_on: fields.happenedOn,
      text: fields.text,
      progress: fields.progress,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Sets the initiative's reported progress, raising its version, so an editor
 * of the initiative who opened it before is told rather than overwriting it.
 */
export async function reportProgress(
  tx: Transaction<Schema>,
  initiativeId: string,
  progress: number,
  updatedBy: string | null,
): Promise<void> {
  await tx
    .updateTable('initiatives')
    .set((eb) => ({
      progress,
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: updatedBy,
    }))
    .where('id', '=', initiativeId)
    .execute();
}

/** Locks the initiative's row till the transaction ends, so two entries added at once take turns. */
export async function lockInitiative(tx: Transaction<Schema>, initiativeId: string) {
  await tx
    .selectFrom('initiatives')
    .select('id')
    .where('id', '=', initiativeId)
    .forUpdate()
    .executeTakeFirst();
}
