// The milestones of a roadmap's initiatives as stored, read for the whole plan
// at once: the timeline draws them on their initiative's row.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';

export interface Milestone {
  id: string;
  initiativeId: string;
  title: string;
  dueOn: string;
  reachedOn: string | null;
}

/** The milestones of the initiatives named, by date. */
export async function listMilestones(
  db: Kysely<Schema>,
  initiativeIds: readonly string[],
): Promise<Milestone[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await db
    .selectFrom('initiative_milestones')
    .select(['id', 'initiative_id', 'title', 'due_on', 'reached_on'])
    .where('initiative_id', 'in', initiativeIds)
    .orderBy('due_on')
    .orderBy('title')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    initiativeId: row.initiative_id,
    title: row.title,
    dueOn: row.due_on,
    reachedOn: row.reached_on,
  }));
}
