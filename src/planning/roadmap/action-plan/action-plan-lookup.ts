// An initiative's action plan and timeline as its page shows them: every list
// read at once, with what the initiative's status means for what is overdue.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import { statusOf } from '../open-roadmap.ts';
import type { StatusKind } from '../roadmap-statuses.ts';
import { listStatuses } from '../roadmap-statuses-store.ts';
import type { PartKey } from './action-plan-parts.ts';
import { type PartEntry, partStores } from './action-plan-store.ts';
import { listTimeline, type TimelineEntry } from './timeline-store.ts';

export type ActionPlan = { [K in PartKey]: PartEntry<K>[] } & {
  timeline: TimelineEntry[];
  /** The kind of the initiative's status: work under a closed one is never overdue. */
  statusKind: StatusKind;
};

export async function loadActionPlan(
  db: Kysely<Schema>,
  initiativeId: string,
): Promise<ActionPlan> {
  const ids = [initiativeId];
  const [steps, milestones, resources, kpis, communications, timeline, statusKind] =
    await Promise.all([
      partStores.steps.list(db, ids),
      partStores.milestones.list(db, ids),
      partStores.resources.list(db, ids),
      partStores.kpis.list(db, ids),
      partStores.communications.list(db, ids),
      listTimeline(db, ids),
      statusKindOf(db, initiativeId),
    ]);
  return { steps, milestones, resources, kpis, communications, timeline, statusKind };
}

async function statusKindOf(db: Kysely<Schema>, initiativeId: string): Promise<StatusKind> {
  const row = await db
    .selectFrom('initiatives')
    .innerJoin('plans', 'plans.id', 'initiatives.plan_id')
    .select(['plans.workspace_id', 'initiatives.status'])
    .where('initiatives.id', '=', initiativeId)
    .executeTakeFirst();
  if (!row) return 'proposed';
  return statusOf(await listStatuses(db, row.workspace_id), row.status).kind;
}
